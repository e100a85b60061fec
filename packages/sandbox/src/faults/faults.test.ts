import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  api,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';
import { findRepoRoot } from '../kubeconfig';
import { faultsFromEnv, FaultSettings } from './FaultSettings';

const promise = parse(
  fs.readFileSync(
    path.join(findRepoRoot(), 'examples', 'kratix-promise', 'promise.yaml'),
    'utf8',
  ),
);
const REQUESTS =
  '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests';
const TABLES =
  '/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/default/tables';

const request = (name: string) => ({
  apiVersion: 'dynamodb.kratix.io/v1alpha1',
  kind: 'DynamoDBRequest',
  metadata: { name },
  spec: {
    name,
    region: 'us-east-1',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ name: 'id', type: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  },
});

const table = (name: string) => ({
  apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
  kind: 'Table',
  metadata: { name, annotations: { 'services.k8s.aws/region': 'eu-west-1' } },
  spec: {
    tableName: name,
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  },
});

const condition = (object: any, type: string) =>
  object?.status?.conditions?.find((c: any) => c.type === type);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('faults on demand', () => {
  describe('kratixMissing', () => {
    let sandbox: TestSandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox({ faults: { kratixMissing: true } });
    });
    afterAll(() => sandbox.stop());

    it('serves no Promise kind and leaves requests without status, until Kratix "arrives"', async () => {
      expect(
        (await api(sandbox, 'GET', '/apis/platform.kratix.io/v1alpha1')).status,
      ).toBe(404);
      // The request CRD installed by hand, as in the seed documents: CRD present, operator missing.
      expect(
        (
          await api(
            sandbox,
            'POST',
            '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
            promise.spec.api,
          )
        ).status,
      ).toBe(201);
      expect(
        (await api(sandbox, 'POST', REQUESTS, request('orphan'))).status,
      ).toBe(201);
      await sleep(500);
      expect(
        (await api(sandbox, 'GET', `${REQUESTS}/orphan`)).body.status,
      ).toBeUndefined();

      await api(sandbox, 'PUT', '/sandbox/faults', { kratixMissing: false });
      expect(
        (await api(sandbox, 'GET', '/apis/platform.kratix.io/v1alpha1')).status,
      ).toBe(200);
    });
  });

  describe('with the controllers running', () => {
    let sandbox: TestSandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox();
      await api(
        sandbox,
        'POST',
        '/apis/platform.kratix.io/v1alpha1/promises',
        promise,
      );
      await eventually(
        async () =>
          (
            await api(sandbox, 'GET', '/apis/dynamodb.kratix.io/v1alpha1')
          ).status === 200,
        10_000,
        'the Promise API',
      );
    });
    afterEach(() => api(sandbox, 'DELETE', '/sandbox/faults'));
    afterAll(() => sandbox.stop());

    it("ackNoCredentials 'no-status': Tables get no status and no finalizer at all", async () => {
      await api(sandbox, 'PUT', '/sandbox/faults', {
        ackNoCredentials: 'no-status',
      });
      await api(sandbox, 'POST', TABLES, table('silent'));
      await sleep(500);
      const silent = (await api(sandbox, 'GET', `${TABLES}/silent`)).body;
      expect(silent.status).toBeUndefined();
      expect(silent.metadata.finalizers).toBeUndefined();
    });

    it("ackNoCredentials 'recoverable': ACK.Recoverable with UnrecognizedClientException, then recovery", async () => {
      await api(sandbox, 'PUT', '/sandbox/faults', {
        ackNoCredentials: 'recoverable',
      });
      await api(sandbox, 'POST', TABLES, table('denied'));
      const denied = await eventually(async () => {
        const t = (await api(sandbox, 'GET', `${TABLES}/denied`)).body;
        return condition(t, 'ACK.Recoverable') && t;
      });
      const message =
        'api error UnrecognizedClientException: The security token included in the request is invalid.';
      expect(condition(denied, 'ACK.Recoverable')).toMatchObject({
        status: 'True',
        message,
      });
      expect(condition(denied, 'ACK.ResourceSynced')).toMatchObject({
        status: 'Unknown',
        message:
          'Unable to determine if desired resource state matches latest observed state',
      });
      expect(condition(denied, 'Ready')).toMatchObject({
        status: 'False',
        reason: 'ACK.Recoverable',
        message,
      });
      expect(denied.status.ackResourceMetadata).toEqual({
        ownerAccountID: '000000000000',
        region: 'eu-west-1',
        partition: 'aws',
      });

      await api(sandbox, 'DELETE', '/sandbox/faults');
      const active = await eventually(async () => {
        const t = (await api(sandbox, 'GET', `${TABLES}/denied`)).body;
        return t.status?.tableStatus === 'ACTIVE' && t;
      });
      expect(condition(active, 'ACK.Recoverable')).toBeUndefined();
      expect(condition(active, 'Ready')).toMatchObject({
        status: 'True',
        message: 'Resource synced successfully',
      });
    });

    it('workflowFails: the request reports ConfigureWorkflowFailed with the message, and recovers', async () => {
      await api(sandbox, 'PUT', '/sandbox/faults', {
        workflowFails: 'pipeline exploded',
      });
      await api(sandbox, 'POST', REQUESTS, request('doomed'));
      const failed = await eventually(async () => {
        const r = (await api(sandbox, 'GET', `${REQUESTS}/doomed`)).body;
        return (
          condition(r, 'ConfigureWorkflowCompleted')?.reason ===
            'ConfigureWorkflowFailed' && r
        );
      });
      expect(condition(failed, 'ConfigureWorkflowCompleted')).toMatchObject({
        status: 'False',
        message: 'pipeline exploded',
      });
      expect(failed.status).toMatchObject({
        workflowsFailed: 1,
        workflowsSucceeded: 0,
        kratix: {
          workflows: {
            pipelines: [
              expect.objectContaining({
                name: 'instance-configure',
                phase: 'Failed',
              }),
            ],
          },
        },
      });

      await api(sandbox, 'DELETE', '/sandbox/faults');
      await eventually(
        async () =>
          condition(
            (
              await api(sandbox, 'GET', `${REQUESTS}/doomed`)
            ).body,
            'ConfigureWorkflowCompleted',
          )?.status === 'True',
      );
    });

    it('apiLatencyMs slows every API request down, but not /sandbox', async () => {
      await api(sandbox, 'PUT', '/sandbox/faults', { apiLatencyMs: 300 });
      const started = Date.now();
      expect((await api(sandbox, 'GET', '/api/v1/namespaces')).status).toBe(
        200,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('api5xx and apiErrorRate fail API requests with 503 or 500 Status bodies', async () => {
      await api(sandbox, 'PUT', '/sandbox/faults', { api5xx: 503 });
      expect(
        (await api(sandbox, 'GET', '/api/v1/namespaces')).body,
      ).toMatchObject({
        kind: 'Status',
        code: 503,
        reason: 'ServiceUnavailable',
      });
      await api(sandbox, 'PUT', '/sandbox/faults', {
        apiErrorRate: 1,
        api5xx: 500,
      });
      expect(
        (await api(sandbox, 'GET', '/api/v1/namespaces')).body,
      ).toMatchObject({ kind: 'Status', code: 500, reason: 'InternalError' });
      await api(sandbox, 'PUT', '/sandbox/faults', {
        apiErrorRate: 0.5,
        api5xx: 503,
      });
      const codes = await Promise.all(
        Array.from(
          { length: 40 },
          async () => (await api(sandbox, 'GET', '/version')).status,
        ),
      );
      expect(codes).toEqual(expect.arrayContaining([200, 503]));
      expect((await api(sandbox, 'GET', '/sandbox/metrics')).status).toBe(200);
    });

    it('apiDown closes API connections, while /sandbox stays reachable to undo it', async () => {
      sandbox.faults.set({ apiDown: true });
      await expect(
        fetch(`${sandbox.plainHttpUrl}/api/v1/namespaces`, {
          headers: { Authorization: `Bearer ${sandbox.token}` },
        }),
      ).rejects.toThrow();
      expect((await api(sandbox, 'GET', '/sandbox/faults')).body).toEqual({
        apiDown: true,
      });
      await api(sandbox, 'PUT', '/sandbox/faults', { apiDown: false });
      expect((await api(sandbox, 'GET', '/api/v1/namespaces')).status).toBe(
        200,
      );
    });
  });

  it('reads faults from the environment', () => {
    expect(
      faultsFromEnv({
        SANDBOX_FAULT_KRATIX_MISSING: '1',
        SANDBOX_FAULT_ACK_NO_CREDENTIALS: 'recoverable',
        SANDBOX_FAULT_WORKFLOW_FAILS: 'nope',
        SANDBOX_FAULT_API_LATENCY_MS: '50',
        SANDBOX_FAULT_API_ERROR_RATE: '0.1',
        SANDBOX_FAULT_API_5XX: '500',
        SANDBOX_FAULT_API_DOWN: 'false',
      }),
    ).toEqual({
      kratixMissing: true,
      ackNoCredentials: 'recoverable',
      workflowFails: 'nope',
      apiLatencyMs: 50,
      apiErrorRate: 0.1,
      api5xx: 500,
    });
    expect(faultsFromEnv({ SANDBOX_FAULTS: '{"apiDown":true}' })).toEqual({
      apiDown: true,
    });
    expect(
      new FaultSettings({ ackNoCredentials: 'bogus' as any }).get(),
    ).toEqual({});
  });
});
