import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { isCluster } from './createPermissionRules';

/** true, false, or undefined: cannot tell before the namespace is known. */
type Maybe = boolean | undefined;

/**
 * Whether conditions could allow some namespace on this cluster, judged before any namespace
 * is chosen (the cluster picker). Only the cluster rule can be decided yet; every other rule
 * is unknown, and unknowns combine as in three-valued logic, so `not` stays correct: a
 * cluster is left out only when the conditions refuse it whatever the namespace.
 */
export function mayAllowOnCluster(
  criteria: PermissionCriteria<PermissionCondition>,
  cluster: string,
): boolean {
  return evaluate(criteria, cluster) !== false;
}

function evaluate(
  criteria: PermissionCriteria<PermissionCondition>,
  cluster: string,
): Maybe {
  if (isAndCriteria(criteria)) {
    const results = criteria.allOf.map(c => evaluate(c, cluster));
    if (results.includes(false)) return false;
    return results.every(r => r === true) ? true : undefined;
  }
  if (isOrCriteria(criteria)) {
    const results = criteria.anyOf.map(c => evaluate(c, cluster));
    if (results.includes(true)) return true;
    return results.every(r => r === false) ? false : undefined;
  }
  if (isNotCriteria(criteria)) {
    const result = evaluate(criteria.not, cluster);
    return result === undefined ? undefined : !result;
  }
  if (criteria.rule === isCluster.name) {
    const clusters = (criteria.params as { clusters?: unknown })?.clusters;
    return Array.isArray(clusters) && clusters.includes(cluster);
  }
  return undefined;
}
