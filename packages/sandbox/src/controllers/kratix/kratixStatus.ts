import { isoSeconds } from '../../store/objectMetadata';
import type { KubeObject } from '../../store/ObjectStore';
import { withCondition, type Condition } from '../../reconcile/conditions';

export type PipelinePhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

function pipelines(
  names: string[],
  phase: PipelinePhase,
  previous: any,
): Array<Record<string, unknown>> {
  const now = isoSeconds(new Date());
  return names.map(name => {
    const before = previous?.kratix?.workflows?.pipelines?.find(
      (p: any) => p.name === name,
    );
    return {
      name,
      phase,
      lastTransitionTime:
        before?.phase === phase ? before.lastTransitionTime : now,
    };
  });
}

/** A request whose configure workflow has started: "Pending" until a pipeline says otherwise. */
export function requestInProgressStatus(
  request: KubeObject,
  names: string[],
): Record<string, unknown> {
  const status = request.status ?? {};
  return {
    ...status,
    message: status.message ?? 'Pending',
    kratix: {
      ...status.kratix,
      workflows: {
        ...status.kratix?.workflows,
        pipelines: pipelines(names, 'Running', status),
      },
    },
    conditions: withCondition(status.conditions, {
      type: 'ConfigureWorkflowCompleted',
      status: 'False',
      reason: 'PipelinesInProgress',
      message: 'Pipelines are still in progress',
    }),
  };
}

/** Status after the configure workflow succeeded: counters, times, conditions and the pipeline's own keys. */
export function requestSucceededStatus(
  request: KubeObject,
  names: string[],
  statusPatch: Record<string, unknown>,
): Record<string, unknown> {
  const now = isoSeconds(new Date());
  return afterConfigureWorkflow(request, names, statusPatch, {
    phase: 'Succeeded',
    conditions: [
      {
        type: 'ConfigureWorkflowCompleted',
        status: 'True',
        reason: 'PipelinesExecutedSuccessfully',
        message: 'Pipelines completed',
      },
      {
        type: 'WorksSucceeded',
        status: 'True',
        reason: 'WorksSucceeded',
        message: 'All works associated with this resource are ready',
      },
      {
        type: 'Reconciled',
        status: 'True',
        reason: 'Reconciled',
        message: 'Reconciled',
      },
    ],
    counts: {
      workflowsSucceeded: names.length,
      workflowsFailed: 0,
      lastSuccessfulConfigureWorkflowTime: now,
    },
    workflowKeys: { lastSuccessfulConfigureWorkflowTime: now },
  });
}

/** Status after the configure workflow failed: ConfigureWorkflowFailed carries the pipeline's message. */
export function requestFailedStatus(
  request: KubeObject,
  names: string[],
  message: string,
  statusPatch: Record<string, unknown>,
): Record<string, unknown> {
  return afterConfigureWorkflow(request, names, statusPatch, {
    phase: 'Failed',
    conditions: [
      {
        type: 'ConfigureWorkflowCompleted',
        status: 'False',
        reason: 'ConfigureWorkflowFailed',
        message,
      },
      {
        type: 'Reconciled',
        status: 'False',
        reason: 'ConfigureWorkflowFailed',
        message: 'Configure workflow failed',
      },
    ],
    counts: { workflowsSucceeded: 0, workflowsFailed: names.length },
    workflowKeys: {},
  });
}

/**
 * The request status Kratix writes when the configure workflow ends either way: the keys the
 * pipeline wrote to status.yaml merged in, its message kept, the pipelines' phase and the
 * outcome's conditions set.
 */
function afterConfigureWorkflow(
  request: KubeObject,
  names: string[],
  statusPatch: Record<string, unknown>,
  outcome: {
    phase: 'Succeeded' | 'Failed';
    conditions: Condition[];
    counts: Record<string, unknown>;
    workflowKeys: Record<string, unknown>;
  },
): Record<string, unknown> {
  const status = request.status ?? {};
  const conditions = outcome.conditions.reduce(
    withCondition,
    (status.conditions ?? []) as Condition[],
  );
  const { conditions: _ignored, ...pipelineKeys } = statusPatch;
  return {
    ...status,
    ...pipelineKeys,
    message:
      typeof statusPatch.message === 'string'
        ? statusPatch.message
        : status.message ?? 'Pending',
    observedGeneration: request.metadata.generation,
    workflows: names.length,
    ...outcome.counts,
    kratix: {
      ...status.kratix,
      workflows: {
        ...status.kratix?.workflows,
        ...outcome.workflowKeys,
        pipelines: pipelines(names, outcome.phase, status),
      },
    },
    conditions,
  };
}

/** The Promise once its API is installed (or not: then Unavailable). */
export function promiseStatus(
  promise: KubeObject,
  api: { kind: string; apiVersion: string },
  promisePipelines: string[],
  available: boolean,
  problem?: string,
): Record<string, unknown> {
  const status = promise.status ?? {};
  const now = isoSeconds(new Date());
  const state = available ? 'Available' : 'Unavailable';
  let conditions: Condition[] = status.conditions ?? [];
  if (promisePipelines.length) {
    conditions = withCondition(conditions, {
      type: 'ConfigureWorkflowCompleted',
      status: 'True',
      reason: 'PipelinesExecutedSuccessfully',
      message: 'Pipelines completed',
    });
  }
  conditions = withCondition(conditions, {
    type: 'WorksSucceeded',
    status: 'True',
    reason: 'WorksSucceeded',
    message: 'All works associated with this promise are ready',
  });
  conditions = withCondition(
    conditions,
    available
      ? {
          type: 'Available',
          status: 'True',
          reason: 'PromiseAvailable',
          message: 'Ready to fulfil resource requests',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'PromiseUnavailable',
          message: 'Cannot fulfil resource requests',
        },
  );
  conditions = withCondition(
    conditions,
    available
      ? {
          type: 'Reconciled',
          status: 'True',
          reason: 'Reconciled',
          message: 'Reconciled',
        }
      : {
          type: 'Reconciled',
          status: 'False',
          reason: 'APIInstallFailed',
          message: problem ?? 'Failed',
        },
  );
  return {
    status: state,
    kind: api.kind,
    apiVersion: api.apiVersion,
    ...(available
      ? { lastAvailableTime: status.lastAvailableTime ?? now }
      : { message: problem }),
    observedGeneration: promise.metadata.generation,
    workflows: promisePipelines.length,
    workflowsSucceeded: promisePipelines.length,
    workflowsFailed: 0,
    kratix: {
      status: state,
      kind: api.kind,
      apiVersion: api.apiVersion,
      workflows: {
        pipelines: promisePipelines.map(name => ({ name, phase: 'Succeeded' })),
      },
    },
    conditions,
  };
}
