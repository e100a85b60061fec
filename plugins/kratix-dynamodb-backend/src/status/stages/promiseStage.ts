import {
  conditionsOf,
  DYNAMODB_PROMISE_NAME,
  findCondition,
  StatusStage,
} from '@kratix-dynamodb/common';

/** What the cluster says about the Promise: `missing-api` means no Promise CRD at all. */
export type PromiseObservation =
  | { kind: 'missing-api' }
  | { kind: 'absent' }
  | {
      kind: 'found';
      object: { status?: any; metadata: { creationTimestamp?: string } };
    };

export function promiseStage(
  observation: PromiseObservation,
  name: string = DYNAMODB_PROMISE_NAME,
): StatusStage {
  const id = 'promise';
  if (observation.kind === 'missing-api') {
    return {
      id,
      state: 'error',
      conditions: [],
      links: [],
      summary: 'Kratix is not installed on this cluster (no Promise API)',
      hint: `Install Kratix on the cluster, then apply the ${name} Promise`,
    };
  }
  if (observation.kind === 'absent') {
    return {
      id,
      state: 'error',
      conditions: [],
      links: [],
      summary: `The ${name} Promise is not installed`,
      hint:
        name === DYNAMODB_PROMISE_NAME
          ? 'Apply examples/kratix-promise/promise.yaml to the platform cluster'
          : `Ask the platform team to install the ${name} Promise on this cluster (kubectl get promises)`,
    };
  }
  const conditions = conditionsOf(observation.object);
  const available = findCondition(conditions, 'Available');
  const status = observation.object.status?.status;
  if (status === 'Available' || available?.status === 'True') {
    return {
      id,
      state: 'ok',
      summary: 'Available: ready to fulfil requests',
      conditions,
      links: [],
      since: available?.lastTransitionTime,
    };
  }
  if (status === 'Unavailable' || available?.status === 'False') {
    return {
      id,
      state: 'error',
      conditions,
      links: [],
      since: available?.lastTransitionTime,
      summary: `Unavailable: ${
        available?.message ?? 'cannot fulfil resource requests'
      }`,
      hint: `Check the Promise workflows and its required Promises: kubectl describe promise ${name}`,
    };
  }
  return {
    id,
    state: 'progressing',
    conditions,
    links: [],
    summary: 'Kratix has not marked the Promise available yet',
    hint: 'Wait for the Promise configure workflow; if it never finishes, check the Kratix controller logs',
  };
}
