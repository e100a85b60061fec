import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ANNOTATIONS, LABELS } from '@kratix-dynamodb/common';
import { parse } from 'yaml';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { createKubeVelaApplicationAction } from './createKubeVelaApplication';

const anInput = (overrides: Record<string, unknown> = {}) => ({
  cluster: 'sandbox',
  name: 'session-api-app',
  owner: 'guests',
  table: {
    componentName: 'session-table',
    tableName: 'sessions',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ name: 'id', type: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    timeToLive: { attributeName: 'expiresAt', enabled: true },
  },
  services: [
    {
      name: 'session-api',
      image: 'session-api:latest',
      ports: [{ port: 8080, expose: true }],
      env: [
        { name: 'DYNAMODB_TABLE_NAME', value: 'sessions' },
        { name: 'SESSION_TTL_HOURS', value: 24 },
      ],
      readinessProbe: { path: '/ready' },
      livenessProbe: { path: '/health', initialDelaySeconds: 10 },
      replicas: 2,
      cpu: '250m',
      memory: '256Mi',
    },
  ],
  ...overrides,
});

describe('kubevela:application:create', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  it('creates one Application with the table component and a webservice with its traits', async () => {
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const { ctx, logLines, outputs } = actionContext(anInput());
    await action.handler(ctx);

    const app = api.get('applications', 'default', 'session-api-app')!;
    expect(app.metadata.annotations).toEqual({
      [ANNOTATIONS.entityRef]: 'component:default/session-api-app_sandbox',
      [ANNOTATIONS.owner]: 'group:default/guests',
      [ANNOTATIONS.scaffolderTaskId]: 'task-1',
    });
    expect(app.metadata.labels).toEqual({
      [LABELS.managedBy]: 'backstage-scaffolder',
      [LABELS.entityName]: 'session-api-app',
    });
    expect(app.spec.components).toEqual([
      {
        name: 'session-table',
        type: 'aws-dynamodb-kratix',
        properties: {
          name: 'sessions',
          region: 'us-east-1',
          billingMode: 'PAY_PER_REQUEST',
          attributeDefinitions: [{ name: 'id', type: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
          timeToLive: { attributeName: 'expiresAt', enabled: true },
          deletionPolicy: 'retain',
        },
      },
      {
        name: 'session-api',
        type: 'webservice',
        properties: {
          image: 'session-api:latest',
          ports: [{ port: 8080, expose: true }],
          env: [
            { name: 'DYNAMODB_TABLE_NAME', value: 'sessions' },
            { name: 'SESSION_TTL_HOURS', value: '24' },
          ],
          readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
          livenessProbe: {
            httpGet: { path: '/health', port: 8080 },
            initialDelaySeconds: 10,
          },
        },
        traits: [
          { type: 'scaler', properties: { replicas: 2 } },
          { type: 'resource', properties: { cpu: '250m', memory: '256Mi' } },
        ],
      },
    ]);
    expect(outputs()).toEqual({
      applicationRef: 'sandbox/default/session-api-app',
      cluster: 'sandbox',
      tableName: 'sessions',
      entityRef: 'component:default/session-api-app_sandbox',
      tableEntityRef: 'resource:default/session-table_sandbox',
      uid: app.metadata.uid,
    });
    expect(logLines().map(l => l.split(':')[1].trim())).toEqual([
      'validated',
      'applied',
    ]);
  });

  it('dry run: asks the cluster with dryRun=All and creates nothing', async () => {
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const { ctx, logLines, outputs } = actionContext(anInput(), {
      isDryRun: true,
    });
    await action.handler(ctx);

    expect(api.requests).toContain(
      'POST /apis/core.oam.dev/v1beta1/namespaces/default/applications?dryRun=All&fieldManager=backstage-scaffolder',
    );
    expect(api.creates()).toEqual([]);
    expect(outputs()).toMatchObject({
      entityRef: 'component:default/session-api-app_sandbox',
    });
    expect(logLines()[1]).toMatch(
      /^info: dry run: cluster 'sandbox' accepted Application default\/session-api-app/,
    );
  });

  describe('validation, before any call to the cluster', () => {
    const rejectionOf = async (input: Record<string, unknown>) => {
      const action = createKubeVelaApplicationAction(
        actionDependencies(api.url),
      );
      const error = await action.handler(actionContext(input).ctx).then(
        () => undefined,
        e => e,
      );
      expect(api.requests).toEqual([]);
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message.split('\n').slice(1);
    };

    it('checks the table with the request model, under table.', async () => {
      const base = anInput();
      const lines = await rejectionOf({
        ...base,
        table: {
          ...base.table,
          keySchema: [{ attributeName: 'id', keyType: 'PRIMARY' }],
          billingMode: 'PROVISIONED',
        },
      });
      expect(lines).toEqual([
        expect.stringMatching(
          /^table\.keySchema\[0\]\.keyType: must be one of HASH, RANGE/,
        ),
        expect.stringMatching(
          /^table\.provisionedThroughput: is required because billingMode is PROVISIONED/,
        ),
      ]);
    });

    it('reports every problem at once: target, table, and services', async () => {
      const base = anInput();
      const lines = await rejectionOf({
        ...base,
        name: 'Session API',
        table: {
          ...base.table,
          componentName: 'session-api',
          name: 'sessions',
        },
        services: [
          {
            name: 'session-api',
            image: '',
            ports: [{ port: 70000 }],
            env: [{ name: '1BAD', value: 'x' }],
            readinessProbe: { path: 'ready' },
            replicas: -1,
            cpu: 'lots',
            memory: '256 MB',
          },
        ],
      });
      expect(lines.map(line => line.split(':')[0])).toEqual([
        'name',
        'table.name',
        'services[0].image',
        'services[0].ports[0].port',
        'services[0].env[0].name',
        'services[0].readinessProbe.path',
        'services[0].replicas',
        'services[0].cpu',
        'services[0].memory',
        'services[0].name',
      ]);
      expect(lines).toContainEqual(
        "services[0].name: 'session-api' is already the name of table.componentName: component names must be unique",
      );
    });
  });

  it('refuses when the permission policy denies the user', async () => {
    const action = createKubeVelaApplicationAction(
      actionDependencies(api.url, { permission: AuthorizeResult.DENY }),
    );
    await expect(action.handler(actionContext(anInput()).ctx)).rejects.toThrow(
      new NotAllowedError(
        'You are not allowed to create in namespace default on cluster sandbox (permission kratix.dynamodb.request.create)',
      ),
    );
    expect(api.requests).toEqual([]);
  });

  it('never overwrites an Application it did not create', async () => {
    api.put('applications', {
      metadata: { name: 'session-api-app', namespace: 'default' },
      spec: { components: [] },
    });
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toBeInstanceOf(ConflictError);
    await expect(run).rejects.toThrow(
      /Application default\/session-api-app already exists on cluster 'sandbox'/,
    );
    expect(
      api.get('applications', 'default', 'session-api-app')!.spec.components,
    ).toEqual([]);
  });

  it('passes on a 403 from the cluster and says that nothing was created', async () => {
    api.answer = method =>
      method === 'POST'
        ? {
            status: 403,
            body: {
              kind: 'Status',
              code: 403,
              message: 'applications.core.oam.dev is forbidden',
            },
          }
        : undefined;
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const { ctx, logLines } = actionContext(anInput());
    await expect(action.handler(ctx)).rejects.toThrow(NotAllowedError);
    expect(logLines()).toContainEqual(
      expect.stringMatching(
        /^error: nothing was created: Application default\/session-api-app does not exist/,
      ),
    );
  });

  it('is idempotent: running the same task again creates the Application once', async () => {
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const first = actionContext(anInput());
    await action.handler(first.ctx);
    const second = actionContext(anInput());
    await action.handler(second.ctx);
    expect(api.creates()).toHaveLength(1);
    expect(second.outputs().uid).toBe(first.outputs().uid);
  });

  it('workspace delivery writes the Application YAML and applies nothing', async () => {
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const { ctx, workspace, outputs } = actionContext(
      anInput({ delivery: 'workspace', targetPath: 'deploy/app.yaml' }),
    );
    await action.handler(ctx);

    expect(api.requests).toEqual([]);
    expect(outputs().manifestPath).toBe('deploy/app.yaml');
    const written = parse(
      fs.readFileSync(path.join(workspace.path, 'deploy/app.yaml'), 'utf8'),
    );
    expect(written.kind).toBe('Application');
    expect(
      written.spec.components.map((c: { type: string }) => c.type),
    ).toEqual(['aws-dynamodb-kratix', 'webservice']);
  });
});
