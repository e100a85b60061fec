import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionRuleset,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';
import {
  KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE,
  kratixDynamoDBRequestCreatePermission,
} from '@kratix-dynamodb/common';
import type { Tenancy } from '../tenancy/readTenancy';
import { mayAllowOnCluster } from './mayAllowOnCluster';
import {
  KratixDynamoDBNamespaceResource,
  kratixDynamoDBCreateRules,
} from './createPermissionRules';

/**
 * A namespace on a cluster.
 * @public
 */
export type CreateTarget = { cluster: string; namespace: string };

/**
 * One user's create decision, asked once and applied to as many targets as needed (the
 * namespace picker checks every namespace of a cluster with one policy call).
 * @public
 */
export type CreateDecision = {
  /** ALLOW or DENY for every target, or CONDITIONAL: it depends on the target. */
  result: AuthorizeResult;
  /** Whether the user may create in this namespace on this cluster. */
  allows(target: CreateTarget): boolean;
  /**
   * Whether the user may create in some namespace of this cluster, as far as can be told
   * before a namespace is chosen: false only when every namespace would be refused.
   */
  mayAllowOnCluster(cluster: string): boolean;
};

/** The rules this package defines, for callers that have no permissions registry to ask. */
const builtInRuleset: PermissionRuleset<KratixDynamoDBNamespaceResource> = {
  getRuleByName(name) {
    const rule = Object.values(kratixDynamoDBCreateRules).find(
      r => r.name === name,
    );
    if (!rule) throw new NotFoundError(`Unknown permission rule ${name}`);
    return rule;
  },
};

const UNBOUND: Tenancy = { ownersOf: () => new Set() };

/** @public The resource the rules see for a target: the target plus its bound owners. */
export function describeCreateTarget(
  target: CreateTarget,
  tenancy: Tenancy,
): KratixDynamoDBNamespaceResource {
  return {
    ...target,
    owners: [...tenancy.ownersOf(target.namespace, target.cluster)],
  };
}

/**
 * Asks the policy about `kratix.dynamodb.request.create` for the user (never the backend's
 * own identity) and returns a decision that conditional answers are applied to per target,
 * with the rules the scaffolder registered (the `ruleset`) or this package's own.
 * A conditional answer for another resource type, or with a rule nobody registered, allows
 * nothing.
 * @public
 */
export async function decideCreate(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  /** Not needed for mayAllowOnCluster alone (the owners are a namespace's). */
  tenancy?: Tenancy;
  ruleset?: PermissionRuleset<KratixDynamoDBNamespaceResource>;
}): Promise<CreateDecision> {
  const { permissions, credentials, tenancy } = options;
  const [decision]: PolicyDecision[] = await permissions.authorizeConditional(
    [{ permission: kratixDynamoDBRequestCreatePermission }],
    { credentials },
  );
  const authorize = createConditionAuthorizer(
    options.ruleset ?? builtInRuleset,
  );
  const foreign =
    decision.result === AuthorizeResult.CONDITIONAL &&
    decision.resourceType !== KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE;
  return {
    result: decision.result,
    mayAllowOnCluster(cluster) {
      if (decision.result !== AuthorizeResult.CONDITIONAL)
        return decision.result === AuthorizeResult.ALLOW;
      return !foreign && mayAllowOnCluster(decision.conditions, cluster);
    },
    allows(target) {
      if (foreign) return false;
      try {
        return authorize(
          decision,
          describeCreateTarget(target, tenancy ?? UNBOUND),
        );
      } catch {
        return false;
      }
    },
  };
}
