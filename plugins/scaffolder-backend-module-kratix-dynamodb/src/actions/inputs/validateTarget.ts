import path from 'node:path';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ActionDefaults } from './actionDefaults';
import type { FieldError } from './fieldErrors';
import { dns1123LabelProblem } from './kubernetesNames';
import type { DeliveryMode, TargetInput } from './targetInputs';
import { DELIVERY_MODES } from './targetInputs';

/** Where and how one object is delivered, with the defaults applied. */
export type Target = {
  cluster: string;
  namespace: string;
  name: string;
  /** The normalised entity ref, e.g. `group:default/team-a`. */
  owner?: string;
  delivery: DeliveryMode;
  /** Relative to the workspace; set for workspace delivery only. */
  targetPath?: string;
  waitForReady: boolean;
  timeoutSeconds: number;
};

const DEFAULT_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 3600;

function normaliseOwner(
  owner: string,
  errors: FieldError[],
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (e) {
    errors.push({
      path: 'owner',
      message: `must be an entity ref such as group:default/team-a (${
        (e as Error).message
      })`,
    });
    return undefined;
  }
}

function checkTargetPath(targetPath: string, errors: FieldError[]) {
  const normalised = path.posix.normalize(targetPath.replace(/\\/g, '/'));
  if (
    path.posix.isAbsolute(normalised) ||
    normalised === '..' ||
    normalised.startsWith('../')
  ) {
    errors.push({
      path: 'targetPath',
      message: 'must be a path inside the workspace, e.g. kratix/orders.yaml',
    });
  }
}

/** The target with its defaults, and every problem with it (checked before any cluster call). */
export function validateTarget(
  input: TargetInput,
  defaults: ActionDefaults,
  knownClusters: string[],
): { target: Target; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!knownClusters.includes(input.cluster)) {
    errors.push({
      path: 'cluster',
      message: `'${
        input.cluster
      }' is not a configured cluster; choose one of: ${
        knownClusters.join(', ') || '(none configured)'
      }`,
    });
  }
  const namespace = input.namespace || defaults.namespace;
  const namespaceProblem = dns1123LabelProblem(namespace);
  if (namespaceProblem)
    errors.push({ path: 'namespace', message: namespaceProblem });
  const nameProblem = dns1123LabelProblem(input.name ?? '');
  if (nameProblem) errors.push({ path: 'name', message: nameProblem });

  const owner = input.owner ? normaliseOwner(input.owner, errors) : undefined;
  const delivery = input.delivery ?? 'apply';
  if (!DELIVERY_MODES.includes(delivery)) {
    errors.push({
      path: 'delivery',
      message: `must be one of ${DELIVERY_MODES.join(', ')}`,
    });
  }
  const targetPath =
    delivery === 'workspace'
      ? input.targetPath || `kratix/${input.name}.yaml`
      : undefined;
  if (targetPath) checkTargetPath(targetPath, errors);

  const timeoutSeconds = input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds >= 1 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
    errors.push({
      path: 'timeoutSeconds',
      message: `must be between 1 and ${MAX_TIMEOUT_SECONDS} seconds`,
    });
  }
  return {
    target: {
      cluster: input.cluster,
      namespace,
      name: input.name,
      owner,
      delivery,
      targetPath,
      waitForReady: input.waitForReady ?? false,
      timeoutSeconds,
    },
    errors,
  };
}
