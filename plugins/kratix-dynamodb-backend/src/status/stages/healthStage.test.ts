import { healthStage } from './healthStage';

describe('healthStage', () => {
  const paths = { liveness: '/health', readiness: '/ready' };
  it('is ok when both probes answer 2xx', () => {
    const ok = {
      ok: true as const,
      status: 200,
      latencyMs: 3,
      body: '{"status":"ok"}',
    };
    expect(healthStage('session-api', paths, ok, ok)).toMatchObject({
      state: 'ok',
      summary: '/health 200, /ready 200',
    });
  });

  it('says the service cannot reach its table when /ready fails', () => {
    const stage = healthStage(
      'session-api',
      paths,
      { ok: true, status: 200, latencyMs: 2, body: 'ok' },
      {
        ok: false,
        status: 503,
        latencyMs: 4,
        body: '{"ready":false,"reason":"table sessions not found"}',
      },
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe('/health 200, /ready 503');
    expect(stage.hint).toMatch(/table sessions not found/);
  });

  it('says no pod is ready when the API server has no endpoints for the service', () => {
    const noEndpoints = {
      ok: false as const,
      status: 503,
      latencyMs: 2,
      body: '{"kind":"Status","message":"no endpoints available for service \\"session-api\\""}',
    };
    const stage = healthStage('session-api', paths, noEndpoints, noEndpoints);
    expect(stage).toMatchObject({
      state: 'error',
      summary: 'No ready pod behind the service session-api',
    });
  });

  it("names the missing permission when the API server refuses the proxy, and tells it from the app's own 403", () => {
    const message =
      'services "session-api:8080" is forbidden: User "system:serviceaccount:backstage:backstage" cannot get resource "services/proxy" in API group "" in the namespace "default"';
    const refused = {
      ok: false as const,
      status: 403,
      latencyMs: 2,
      body: JSON.stringify({
        kind: 'Status',
        reason: 'Forbidden',
        code: 403,
        message,
      }),
    };
    expect(healthStage('session-api', paths, refused, refused)).toMatchObject({
      state: 'unknown',
      summary: `Not permitted to probe session-api through the service proxy: ${message}`,
      hint: expect.stringMatching(/get on services\/proxy/),
    });
    const appSays403 = {
      ok: false as const,
      status: 403,
      latencyMs: 2,
      body: '{"error":"forbidden"}',
    };
    expect(
      healthStage('session-api', paths, appSays403, appSays403),
    ).toMatchObject({ state: 'error', summary: '/health 403, /ready 403' });
  });

  it('says the service does not answer when the proxy cannot reach it', () => {
    const down = {
      ok: false as const,
      latencyMs: 3000,
      error: 'no answer within 3000 ms',
    };
    expect(healthStage('session-api', paths, down, down).hint).toMatch(
      /does not answer/,
    );
  });
});
