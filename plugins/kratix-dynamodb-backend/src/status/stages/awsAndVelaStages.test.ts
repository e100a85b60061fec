import { ANNOTATIONS } from '@kratix-dynamodb/common';
import { applicationStage } from './applicationStage';
import { healthStage } from './healthStage';
import { tableStage } from './tableStage';

const now = new Date('2026-03-16T12:00:00Z');
const context = { workflowDone: true, now, graceMs: 60_000 };
const table = (status?: any, createdAt = '2026-03-16T11:00:00Z') => ({
  metadata: { name: 'orders', creationTimestamp: createdAt, annotations: { [ANNOTATIONS.ackRegion]: 'us-west-2' } },
  spec: { tableName: 'orders' },
  status,
});

describe('tableStage', () => {
  it('is ok when ACTIVE and Ready, with the ARN and a console link', () => {
    const stage = tableStage(
      table({
        ackResourceMetadata: { arn: 'arn:aws:dynamodb:us-west-2:111122223333:table/orders', region: 'us-west-2' },
        tableStatus: 'ACTIVE',
        conditions: [
          { type: 'ACK.ResourceSynced', status: 'True', message: 'Resource synced successfully' },
          { type: 'Ready', status: 'True', message: 'Resource synced successfully' },
        ],
      }),
      context,
    );
    expect(stage.state).toBe('ok');
    expect(stage.details?.arn).toBe('arn:aws:dynamodb:us-west-2:111122223333:table/orders');
    expect(stage.links[0].url).toBe('https://us-west-2.console.aws.amazon.com/dynamodbv2/home?region=us-west-2#table?name=orders');
  });

  it('does not trust Synced while the table is still CREATING', () => {
    const stage = tableStage(table({ tableStatus: 'CREATING', conditions: [{ type: 'Ready', status: 'True' }] }), context);
    expect(stage.state).toBe('progressing');
  });

  it('diagnoses a missing or credential-less ACK controller when the Table has no conditions after the grace period', () => {
    const stage = tableStage(table(undefined), context);
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/ACK controller has not reconciled/);
    expect(stage.hint).toMatch(/not running or has no AWS credentials/);
    expect(tableStage(table(undefined, '2026-03-16T11:59:30Z'), context).state).toBe('progressing');
  });

  it('reports ACK.Recoverable with the AWS message and a credentials hint', () => {
    const stage = tableStage(
      table({
        conditions: [
          { type: 'ACK.Recoverable', status: 'True', message: 'api error UnrecognizedClientException: The security token included in the request is invalid.' },
          { type: 'Ready', status: 'False', reason: 'ACK.Recoverable' },
        ],
      }),
      context,
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/UnrecognizedClientException/);
    expect(stage.hint).toMatch(/valid AWS credentials/);
  });

  it('reports ACK.Terminal as a spec problem ACK will not retry', () => {
    const stage = tableStage(table({ conditions: [{ type: 'ACK.Terminal', status: 'True', message: 'ValidationException: bad key' }] }), context);
    expect(stage).toMatchObject({ state: 'error', summary: 'AWS refused the table: ValidationException: bad key' });
    expect(stage.hint).toMatch(/will not retry/);
  });

  it('reports a Table that the workflow never produced', () => {
    expect(tableStage(undefined, context).state).toBe('error');
    expect(tableStage(undefined, { ...context, workflowDone: false }).state).toBe('progressing');
  });
});

describe('applicationStage', () => {
  const app = (status: any) => ({ metadata: { name: 'session-app', namespace: 'default' }, status });

  it('is ok when running with healthy services', () => {
    const stage = applicationStage(app({ status: 'running', services: [{ name: 'session-api', healthy: true, message: 'Ready:1/1' }] }), 'default/session-app');
    expect(stage).toMatchObject({ state: 'ok', summary: 'running; session-api Ready:1/1' });
  });

  it('reports an unhealthy application with the Ready count', () => {
    const stage = applicationStage(app({ status: 'unhealthy', services: [{ name: 'session-api', healthy: false, message: 'Ready:0/1' }] }), 'default/session-app');
    expect(stage).toMatchObject({ state: 'error', summary: 'unhealthy: session-api Ready:0/1' });
  });

  it('reports a failed deploy workflow with its step', () => {
    const stage = applicationStage(
      app({ status: 'workflowFailed', workflow: { steps: [{ name: 'cache', phase: 'failed', message: 'unknown component type redis' }] } }),
      'default/session-app',
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/step cache: unknown component type redis/);
  });

  it('is progressing while the first deploy waits for health', () => {
    const stage = applicationStage(
      app({ status: 'runningWorkflow', workflow: { steps: [{ name: 'session-api', phase: 'running', reason: 'Wait', message: 'wait healthy' }] } }),
      'default/session-app',
    );
    expect(stage).toMatchObject({ state: 'progressing', summary: 'runningWorkflow: wait healthy' });
  });
});

describe('healthStage', () => {
  const paths = { liveness: '/health', readiness: '/ready' };
  it('is ok when both probes answer 2xx', () => {
    const ok = { ok: true as const, status: 200, latencyMs: 3, body: '{"status":"ok"}' };
    expect(healthStage('session-api', paths, ok, ok)).toMatchObject({ state: 'ok', summary: '/health 200, /ready 200' });
  });

  it('says the service cannot reach its table when /ready fails', () => {
    const stage = healthStage(
      'session-api',
      paths,
      { ok: true, status: 200, latencyMs: 2, body: 'ok' },
      { ok: false, status: 503, latencyMs: 4, body: '{"ready":false,"reason":"table sessions not found"}' },
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe('/health 200, /ready 503');
    expect(stage.hint).toMatch(/table sessions not found/);
  });

  it('says no pod is ready when the API server has no endpoints for the service', () => {
    const noEndpoints = { ok: false as const, status: 503, latencyMs: 2, body: '{"kind":"Status","message":"no endpoints available for service \\"session-api\\""}' };
    const stage = healthStage('session-api', paths, noEndpoints, noEndpoints);
    expect(stage).toMatchObject({ state: 'error', summary: 'No ready pod behind the service session-api' });
  });

  it('says the service does not answer when the proxy cannot reach it', () => {
    const down = { ok: false as const, latencyMs: 3000, error: 'no answer within 3000 ms' };
    expect(healthStage('session-api', paths, down, down).hint).toMatch(/does not answer/);
  });
});
