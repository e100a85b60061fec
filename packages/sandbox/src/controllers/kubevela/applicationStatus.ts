import { createHash } from 'node:crypto';
import { isoSeconds } from '../../store/objectMetadata';
import type { KubeObject } from '../../store/ObjectStore';
import { withCondition, type Condition } from '../../reconcile/conditions';

export type ServiceHealth = {
  name: string;
  healthy: boolean;
  message: string;
  workloadDefinition: { apiVersion: string; kind: string };
  traits: string[];
  /** Why the component's step has not succeeded (an apply error), if it has not. */
  applyError?: string;
};

/** latestRevision: a new revision for every new generation of the Application. */
function revision(app: KubeObject): {
  name: string;
  revision: number;
  revisionHash: string;
} {
  const previous = app.status?.latestRevision;
  const changed = app.status?.observedGeneration !== app.metadata.generation;
  const number = changed
    ? (previous?.revision ?? 0) + 1
    : previous?.revision ?? 1;
  const revisionHash = createHash('sha256')
    .update(JSON.stringify(app.spec))
    .digest('hex')
    .slice(0, 16);
  return {
    name: `${app.metadata.name}-v${number}`,
    revision: number,
    revisionHash,
  };
}

function baseConditions(
  app: KubeObject,
  parsed: { ok: boolean; message?: string },
): Condition[] {
  let conditions: Condition[] = app.status?.conditions ?? [];
  conditions = withCondition(
    conditions,
    parsed.ok
      ? { type: 'Parsed', status: 'True', reason: 'Available' }
      : {
          type: 'Parsed',
          status: 'False',
          reason: 'ReconcileError',
          message: parsed.message,
        },
  );
  if (!parsed.ok) return conditions;
  for (const type of ['Revision', 'Policy', 'Render'])
    conditions = withCondition(conditions, {
      type,
      status: 'True',
      reason: 'Available',
    });
  return conditions;
}

/** The Application could not be parsed (an unknown component or trait type): the workflow fails at once. */
export function failedApplicationStatus(
  app: KubeObject,
  message: string,
): Record<string, unknown> {
  const now = isoSeconds(new Date());
  return {
    status: 'workflowFailed',
    observedGeneration: app.metadata.generation,
    conditions: baseConditions(app, { ok: false, message }),
    workflow: {
      mode: 'DAG-DAG',
      status: 'failed',
      message,
      finished: true,
      suspend: false,
      terminated: true,
      startTime: app.status?.workflow?.startTime ?? now,
      endTime: now,
      steps: [],
    },
    services: [],
  };
}

/**
 * Status while and after the workflow applies the components: runningWorkflow (steps waiting for
 * health) until every component is healthy, then running; unhealthy only once the workflow has
 * finished for this generation and a later health check fails.
 */
export function applicationStatus(
  app: KubeObject,
  services: ServiceHealth[],
  applied: KubeObject[],
): Record<string, unknown> {
  const now = isoSeconds(new Date());
  const sameGeneration =
    app.status?.observedGeneration === app.metadata.generation;
  const finishedBefore =
    sameGeneration &&
    app.status?.workflow?.finished === true &&
    app.status?.workflow?.status === 'succeeded';
  const allHealthy = services.every(s => s.healthy && !s.applyError);
  const finished = finishedBefore || allHealthy;
  const latestRevision = revision(app);
  const previousSteps: any[] = sameGeneration
    ? app.status?.workflow?.steps ?? []
    : [];
  const steps = services.map((s, i) => {
    const before = previousSteps.find(p => p.name === s.name);
    const succeeded =
      finishedBefore ||
      (s.healthy && !s.applyError) ||
      before?.phase === 'succeeded';
    let progress: Record<string, string> = { phase: 'succeeded' };
    if (!succeeded)
      progress = s.applyError
        ? { phase: 'failed', reason: 'Apply', message: s.applyError }
        : { phase: 'running', reason: 'Wait', message: 'wait healthy' };
    return {
      id: before?.id ?? `${s.name}-${i}`.slice(0, 10),
      name: s.name,
      type: 'apply-component',
      ...progress,
      firstExecuteTime: before?.firstExecuteTime ?? now,
      lastExecuteTime:
        succeeded && before?.lastExecuteTime ? before.lastExecuteTime : now,
    };
  });
  let conditions = baseConditions(app, { ok: true });
  if (finished)
    conditions = withCondition(conditions, {
      type: 'WorkflowFinished',
      status: 'True',
      reason: 'Available',
    });
  const previousWorkflow = sameGeneration ? app.status?.workflow : undefined;
  let phase = 'runningWorkflow';
  if (finished) phase = allHealthy ? 'running' : 'unhealthy';
  return {
    status: phase,
    observedGeneration: app.metadata.generation,
    latestRevision,
    conditions,
    services: services.map(s => ({
      name: s.name,
      namespace: app.metadata.namespace,
      cluster: 'local',
      healthy: s.healthy,
      message: s.message,
      workloadDefinition: s.workloadDefinition,
      traits: s.traits.map(type => ({ type, healthy: true })),
    })),
    appliedResources: applied.map(o => ({
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      creator: 'workflow',
    })),
    workflow: {
      appRevision: latestRevision.name,
      mode: 'DAG-DAG',
      status: finished ? 'succeeded' : 'executing',
      finished,
      suspend: false,
      terminated: false,
      startTime: previousWorkflow?.startTime ?? now,
      ...(finished ? { endTime: previousWorkflow?.endTime ?? now } : {}),
      steps,
    },
  };
}
