import { StatusStage } from '@kratix-dynamodb/common';

export type ApplicationObject = {
  metadata: { name: string; namespace?: string; creationTimestamp?: string };
  spec?: any;
  status?: any;
};

const FAILED_PHASES = new Set(['workflowFailed', 'workflowTerminated']);

/** The KubeVela Application, from its phase, its services' health and its workflow steps. */
export function applicationStage(
  app: ApplicationObject | undefined,
  ref: string,
): StatusStage {
  const id = 'application';
  if (!app) {
    return {
      id,
      state: 'error',
      conditions: [],
      links: [],
      summary: `KubeVela Application ${ref} does not exist on the cluster`,
      hint: "Deploy it again from the template, or check the entity's cluster and namespace",
    };
  }
  const status = app.status ?? {};
  const phase: string | undefined = status.status;
  const services: Array<{ name: string; healthy?: boolean; message?: string }> =
    status.services ?? [];
  const details = Object.fromEntries(
    services.map(s => [
      `service ${s.name}`,
      s.message ?? (s.healthy ? 'healthy' : 'unhealthy'),
    ]),
  );
  const conditions = services.map(s => ({
    type: `service/${s.name}`,
    status: s.healthy ? 'True' : 'False',
    message: s.message,
  }));
  const base: Omit<StatusStage, 'state' | 'summary'> = {
    id,
    conditions,
    links: [],
    details,
  };
  const unhealthy = services.filter(s => s.healthy === false);
  if (phase && FAILED_PHASES.has(phase)) {
    const step = (status.workflow?.steps ?? []).find(
      (s: any) => s.phase === 'failed',
    );
    return {
      ...base,
      state: 'error',
      summary: `The deploy workflow failed${
        step
          ? ` at step ${step.name}: ${step.message ?? step.reason ?? ''}`
          : ''
      }`,
      hint: `Check the component types and properties (vela status ${app.metadata.name})`,
    };
  }
  if (phase === 'running' && unhealthy.length === 0) {
    return {
      ...base,
      state: 'ok',
      summary: services.length
        ? `running; ${services
            .map(s => `${s.name} ${s.message ?? 'healthy'}`)
            .join(', ')}`
        : 'running',
    };
  }
  if (phase === 'unhealthy' || (phase === 'running' && unhealthy.length > 0)) {
    return {
      ...base,
      state: 'error',
      summary: `unhealthy: ${unhealthy
        .map(s => `${s.name} ${s.message ?? ''}`.trim())
        .join(', ')}`,
      hint: 'The pods are not ready: check their logs and readiness probe (kubectl logs deploy/<component>)',
    };
  }
  const waiting = (status.workflow?.steps ?? []).find(
    (s: any) => s.phase === 'running',
  );
  return {
    ...base,
    state: 'progressing',
    summary: `${phase ?? 'starting'}${
      waiting?.message ? `: ${waiting.message}` : ''
    }`,
    hint: unhealthy.length
      ? `Waiting for ${unhealthy.map(s => `${s.name} ${s.message}`).join(', ')}`
      : undefined,
  };
}
