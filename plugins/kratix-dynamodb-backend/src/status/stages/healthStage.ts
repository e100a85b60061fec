import { StatusStage } from '@kratix-dynamodb/common';

/** One probe through the service proxy. */
export type ProbeResult =
  | { ok: true; status: number; latencyMs: number; body: string }
  | {
      ok: false;
      status?: number;
      latencyMs: number;
      body?: string;
      error?: string;
      /** Why the target was not probed at all (it is not the Application's Service). */
      notProbed?: string;
    };

function bodySummary(body: string | undefined): string {
  if (!body) return '';
  const oneLine = body.replace(/\s+/g, ' ').trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

/**
 * The API server's own 503 when a Service has no ready pods: Kubernetes takes pods that fail
 * their readiness probe out of the Service, so then even /health cannot be reached.
 */
function isNoEndpoints(probe: ProbeResult): boolean {
  return (
    probe.status === 503 && /no endpoints available/.test(probe.body ?? '')
  );
}

/**
 * The API server's own 403 for the service proxy (the backend may not `get services/proxy`),
 * as opposed to the app answering 403: its `Status` body, with the apiserver's reason.
 */
function proxyRefusal(probe: ProbeResult): string | undefined {
  if (probe.status !== 403 || !probe.body) return undefined;
  try {
    const status = JSON.parse(probe.body);
    return status?.kind === 'Status' &&
      status.reason === 'Forbidden' &&
      typeof status.message === 'string'
      ? status.message
      : undefined;
  } catch {
    return undefined;
  }
}

function describe(path: string, probe: ProbeResult): string {
  if (probe.status !== undefined) return `${path} ${probe.status}`;
  return `${path} unreachable`;
}

/** The service's own view of itself: /health says it runs, /ready that it can use its table. */
export function healthStage(
  service: string,
  paths: { liveness: string; readiness: string },
  liveness: ProbeResult,
  readiness: ProbeResult,
): StatusStage {
  const id = 'health';
  const details: Record<string, string | number> = {
    service,
    [`${paths.liveness} latency ms`]: liveness.latencyMs,
    [`${paths.readiness} latency ms`]: readiness.latencyMs,
  };
  if (readiness.body)
    details[`${paths.readiness} body`] = bodySummary(readiness.body);
  const summary = `${describe(paths.liveness, liveness)}, ${describe(
    paths.readiness,
    readiness,
  )}`;
  const base: Omit<StatusStage, 'state'> = {
    id,
    summary,
    details,
    links: [],
    conditions: [],
  };
  const notProbed = 'notProbed' in liveness ? liveness.notProbed : undefined;
  if (notProbed) {
    return {
      ...base,
      state: /forbidden|Not permitted/i.test(notProbed) ? 'unknown' : 'error',
      summary: notProbed,
      hint: /forbidden|Not permitted/i.test(notProbed)
        ? "Grant the backend's identity get on services in its ClusterRole (README: Using real clusters); the service itself was not reached"
        : `Health is probed only on the Service KubeVela renders for the webservice component ${service}: check that the Application is deployed and that nothing else took the Service's name`,
    };
  }
  const refusal = proxyRefusal(liveness) ?? proxyRefusal(readiness);
  if (refusal) {
    return {
      ...base,
      state: 'unknown',
      summary: `Not permitted to probe ${service} through the service proxy: ${refusal}`,
      hint: "Grant the backend's identity get on services/proxy (README: Using real clusters); the service itself was not reached",
    };
  }
  if (isNoEndpoints(liveness)) {
    return {
      ...base,
      state: 'error',
      summary: `No ready pod behind the service ${service}`,
      hint: 'Its pods fail their readiness probe (or none run). The service usually cannot reach its DynamoDB table: check the table stage, the table name and region in its env, and the pod logs',
    };
  }
  if (!liveness.ok) {
    return {
      ...base,
      state: 'error',
      hint:
        liveness.status === undefined
          ? `The service ${service} does not answer (${
              liveness.error ?? 'no response'
            }): check that its pods run and the Service selects them`
          : `The service ${service} answers ${liveness.status} on ${paths.liveness}: check its logs`,
    };
  }
  if (!readiness.ok) {
    return {
      ...base,
      state: 'error',
      hint: `The service runs but is not ready: ${
        bodySummary(readiness.body) || readiness.error || 'no reason given'
      }. It usually cannot reach its DynamoDB table: check the table stage and the service's AWS credentials and region`,
    };
  }
  return { ...base, state: 'ok' };
}
