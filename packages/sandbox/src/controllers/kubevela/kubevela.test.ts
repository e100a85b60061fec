import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  api,
  eventually,
  startTestSandbox,
  type TestSandbox,
  createSessionApiSecret,
} from '../../__testUtils__/testSandbox';
import { findRepoRoot } from '../../kubeconfig';

const repo = findRepoRoot();
const readExample = (...parts: string[]) =>
  parse(fs.readFileSync(path.join(repo, 'examples', ...parts), 'utf8'));
const APPS = '/apis/core.oam.dev/v1beta1/namespaces/default/applications';

describe('KubeVela in the sandbox', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await api(
      sandbox,
      'POST',
      '/apis/platform.kratix.io/v1alpha1/promises',
      readExample('kratix-promise', 'promise.yaml'),
    );
  });

  afterAll(() => sandbox.stop());

  it('runs the session app: table requested, session-api process ready, /ready through the service proxy', async () => {
    await createSessionApiSecret(sandbox);
    const app = readExample('kubevela', 'session-management-app.yaml');
    expect((await api(sandbox, 'POST', APPS, app)).status).toBe(201);
    const running = await eventually(
      async () => {
        const a = (await api(sandbox, 'GET', `${APPS}/${app.metadata.name}`))
          .body;
        return a.status?.status === 'running' && a;
      },
      30_000,
      'the Application to run',
    );
    expect(running.status.services).toEqual([
      expect.objectContaining({
        name: 'session-table',
        healthy: true,
        workloadDefinition: {
          apiVersion: 'dynamodb.kratix.io/v1alpha1',
          kind: 'DynamoDBRequest',
        },
      }),
      expect.objectContaining({
        name: 'session-api',
        healthy: true,
        message: 'Ready:1/1',
        traits: [
          { type: 'scaler', healthy: true },
          { type: 'resource', healthy: true },
        ],
      }),
    ]);
    expect(running.status.workflow).toMatchObject({
      mode: 'DAG-DAG',
      status: 'succeeded',
      finished: true,
      suspend: false,
      terminated: false,
    });
    expect(
      running.status.workflow.steps.map((s: any) => [s.name, s.type, s.phase]),
    ).toEqual([
      ['session-table', 'apply-component', 'succeeded'],
      ['session-api', 'apply-component', 'succeeded'],
    ]);
    expect(running.status.latestRevision).toMatchObject({
      name: `${app.metadata.name}-v1`,
      revision: 1,
    });

    const ready = await api(
      sandbox,
      'GET',
      '/api/v1/namespaces/default/services/session-api:8080/proxy/ready',
    );
    expect(ready.status).toBe(200);
    expect(
      (
        await api(
          sandbox,
          'GET',
          '/api/v1/namespaces/default/services/nothing/proxy/ready',
        )
      ).status,
    ).toBe(404);

    await api(sandbox, 'DELETE', `${APPS}/${app.metadata.name}`);
    await eventually(
      async () =>
        (await api(sandbox, 'GET', `${APPS}/${app.metadata.name}`)).status ===
        404,
      20_000,
      'the Application to go',
    );
    expect(
      (
        await api(
          sandbox,
          'GET',
          '/apis/apps/v1/namespaces/default/deployments/session-api',
        )
      ).status,
    ).toBe(404);
  }, 60_000);

  it('keeps an app whose image is not mapped in runningWorkflow, Ready:0/1, and the proxy answers 503', async () => {
    const app = {
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      metadata: { name: 'unpulled' },
      spec: {
        components: [
          {
            name: 'web',
            type: 'webservice',
            properties: {
              image: 'nginx:1.27',
              ports: [{ port: 80, expose: true }],
            },
          },
        ],
      },
    };
    await api(sandbox, 'POST', APPS, app);
    const waiting = await eventually(async () => {
      const a = (await api(sandbox, 'GET', `${APPS}/unpulled`)).body;
      return a.status?.services?.length && a;
    });
    expect(waiting.status.status).toBe('runningWorkflow');
    expect(waiting.status.services[0]).toMatchObject({
      healthy: false,
      message: 'Ready:0/1',
    });
    expect(waiting.status.workflow.steps[0]).toMatchObject({
      phase: 'running',
      reason: 'Wait',
      message: 'wait healthy',
    });
    const proxied = await api(
      sandbox,
      'GET',
      '/api/v1/namespaces/default/services/web/proxy/',
    );
    expect(proxied.body).toMatchObject({
      kind: 'Status',
      code: 503,
      message: 'no endpoints available for service "web"',
    });
  });

  it('fails the workflow clearly for an unknown component type', async () => {
    await api(sandbox, 'POST', APPS, {
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      metadata: { name: 'odd' },
      spec: { components: [{ name: 'q', type: 'kafka-topic' }] },
    });
    const failed = await eventually(async () => {
      const a = (await api(sandbox, 'GET', `${APPS}/odd`)).body;
      return a.status?.status && a;
    });
    expect(failed.status.status).toBe('workflowFailed');
    expect(failed.status.workflow.message).toContain(
      'ComponentDefinition.core.oam.dev "kafka-topic" not found',
    );
    expect(failed.status.conditions[0]).toMatchObject({
      type: 'Parsed',
      status: 'False',
      reason: 'ReconcileError',
    });
  });
});
