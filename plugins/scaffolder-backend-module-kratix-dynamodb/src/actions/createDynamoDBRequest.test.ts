import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ANNOTATIONS, LABELS } from '@kratix-dynamodb/common';
import { parse } from 'yaml';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
  checkpointStore,
} from '../__testUtils__/actionTestKit';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { tableActionInput } from '../__testUtils__/actionInputs';

const REQUESTS_PATH =
  '/apis/dynamodb.kratix.io/v1alpha1/namespaces/team-a/dynamodbrequests';

const anInput = tableActionInput;

describe('kratix:dynamodb:create', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  it('creates the request with the config defaults, the catalog links and the task marker', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx, logLines, outputs } = actionContext(anInput());
    await action.handler(ctx);

    const stored = api.get('dynamodbrequests', 'team-a', 'orders')!;
    expect(stored.spec).toEqual({
      name: 'team-a-orders',
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{ name: 'orderId', type: 'S' }],
      keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
      deletionPolicy: 'retain',
    });
    expect(stored.metadata.labels).toEqual({
      [LABELS.managedBy]: 'backstage-scaffolder',
      [LABELS.entityName]: 'orders',
    });
    expect(stored.metadata.annotations).toEqual({
      [ANNOTATIONS.entityRef]: 'resource:team-a/orders_sandbox',
      [ANNOTATIONS.owner]: 'group:default/team-a',
      [ANNOTATIONS.scaffolderTaskId]: 'task-1',
    });
    expect(outputs()).toEqual({
      requestRef: 'sandbox/team-a/orders',
      cluster: 'sandbox',
      tableName: 'team-a-orders',
      entityRef: 'resource:team-a/orders_sandbox',
      uid: stored.metadata.uid,
    });
    expect(logLines().map(l => l.split(':')[1].trim())).toEqual([
      'validated',
      'applied',
    ]);
  });

  it('dry run: asks the cluster with dryRun=All, creates nothing and still sets the outputs', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx, logLines, outputs } = actionContext(anInput(), {
      isDryRun: true,
    });
    await action.handler(ctx);

    expect(api.requests).toContain(
      `POST ${REQUESTS_PATH}?dryRun=All&fieldManager=backstage-scaffolder`,
    );
    expect(api.creates()).toEqual([]);
    expect(api.objects.size).toBe(0);
    expect(outputs()).toMatchObject({
      requestRef: 'sandbox/team-a/orders',
      entityRef: 'resource:team-a/orders_sandbox',
    });
    expect(logLines()).toContainEqual(
      expect.stringMatching(
        /^info: dry run: cluster 'sandbox' accepted DynamoDBRequest team-a\/orders/,
      ),
    );
  });

  it('dry run: an unreachable cluster is a warning, not a failure', async () => {
    // Port 1 on loopback refuses connections: no API server there.
    const action = createDynamoDBRequestAction(
      actionDependencies('http://127.0.0.1:1'),
    );
    const { ctx, logLines, outputs } = actionContext(anInput(), {
      isDryRun: true,
    });
    await action.handler(ctx);

    expect(logLines()).toContainEqual(
      expect.stringMatching(
        /^warn: dry run: Cluster 'sandbox' could not be reached.*validated locally only/,
      ),
    );
    expect(outputs()).toMatchObject({ requestRef: 'sandbox/team-a/orders' });
  });

  it('refuses when the permission policy denies the user, before touching the cluster', async () => {
    const action = createDynamoDBRequestAction(
      actionDependencies(api.url, { permission: AuthorizeResult.DENY }),
    );
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toBeInstanceOf(NotAllowedError);
    await expect(run).rejects.toThrow(
      'You are not allowed to create in namespace team-a on cluster sandbox (permission kratix.dynamodb.request.create)',
    );
    expect(api.requests).toEqual([]);
  });

  it.each([
    ['with no task marker', {}],
    ['made by another task', { [ANNOTATIONS.scaffolderTaskId]: 'task-0' }],
  ])('never overwrites an existing request %s', async (_, annotations) => {
    const existing = api.put('dynamodbrequests', {
      metadata: { name: 'orders', namespace: 'team-a', annotations },
      spec: { name: 'theirs' },
    });
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toBeInstanceOf(ConflictError);
    await expect(run).rejects.toThrow(
      /DynamoDBRequest team-a\/orders already exists on cluster 'sandbox'.*left unchanged/,
    );
    expect(api.creates()).toEqual([]);
    expect(api.get('dynamodbrequests', 'team-a', 'orders')).toEqual(existing);
  });

  it('passes on a 403 from the cluster with its message, and says that nothing was created', async () => {
    api.answer = method =>
      method === 'POST'
        ? {
            status: 403,
            body: {
              kind: 'Status',
              code: 403,
              message:
                'dynamodbrequests.dynamodb.kratix.io is forbidden: User "system:serviceaccount:backstage:scaffolder" cannot create resource "dynamodbrequests"',
            },
          }
        : undefined;
    const action = createDynamoDBRequestAction(
      actionDependencies(api.url, { token: 'secret-token' }),
    );
    const { ctx, logLines } = actionContext(anInput());
    const run = action.handler(ctx);
    await expect(run).rejects.toBeInstanceOf(NotAllowedError);
    await expect(run).rejects.toThrow(
      /cannot create resource "dynamodbrequests"/,
    );
    expect(logLines()).toContainEqual(
      "error: nothing was created: DynamoDBRequest team-a/orders does not exist on cluster 'sandbox' (it is one object, so there is nothing partial to clean up)",
    );
    expect(logLines().join('\n')).not.toContain('secret-token');
  });

  it('is idempotent: running the same task again reuses its own request', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const first = actionContext(anInput());
    await action.handler(first.ctx);
    const second = actionContext(anInput());
    await action.handler(second.ctx);

    expect(api.creates()).toHaveLength(1);
    expect(second.outputs().uid).toBe(first.outputs().uid);
    expect(second.logLines()).toContainEqual(
      expect.stringMatching(
        /^info: applied: .* from an earlier run of this task/,
      ),
    );
  });

  it('is idempotent under task recovery: a saved checkpoint skips the cluster call', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const checkpoint = checkpointStore();
    await action.handler(actionContext(anInput(), { checkpoint }).ctx);
    const before = api.requests.length;
    const recovered = actionContext(anInput(), { checkpoint });
    await action.handler(recovered.ctx);

    expect(
      api.requests.slice(before).filter(r => r.includes('dynamodbrequests')),
    ).toEqual([]);
    expect(recovered.outputs().uid).toBe(
      api.get('dynamodbrequests', 'team-a', 'orders')!.metadata.uid,
    );
    expect(recovered.logLines()).toContainEqual(
      expect.stringMatching(
        /^info: applied: .* before this task was recovered/,
      ),
    );
  });

  it('workspace delivery writes an attribute named y or on as a string for Go readers', async () => {
    // Flux and Argo CD read YAML 1.1, where a bare y or on is `true`.
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx, workspace } = actionContext(
      anInput({
        delivery: 'workspace',
        attributeDefinitions: ['y', 'on'].map(name => ({ name, type: 'N' })),
        keySchema: [
          { attributeName: 'y', keyType: 'HASH' },
          { attributeName: 'on', keyType: 'RANGE' },
        ],
      }),
    );
    await action.handler(ctx);

    const asGoReadsIt = parse(
      fs.readFileSync(path.join(workspace.path, 'kratix/orders.yaml'), 'utf8'),
      { version: '1.1' },
    );
    expect(asGoReadsIt.spec.keySchema).toEqual([
      { attributeName: 'y', keyType: 'HASH' },
      { attributeName: 'on', keyType: 'RANGE' },
    ]);
  });

  it('workspace delivery writes the YAML for a GitOps step and applies nothing', async () => {
    const action = createDynamoDBRequestAction(actionDependencies(api.url));
    const { ctx, workspace, logLines, outputs } = actionContext(
      anInput({ delivery: 'workspace', waitForReady: true }),
    );
    await action.handler(ctx);

    expect(api.requests).toEqual([]);
    expect(outputs().manifestPath).toBe('kratix/orders.yaml');
    const written = parse(
      fs.readFileSync(path.join(workspace.path, 'kratix/orders.yaml'), 'utf8'),
    );
    expect(written).toMatchObject({
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: { name: 'orders', namespace: 'team-a' },
      spec: { name: 'team-a-orders', deletionPolicy: 'retain' },
    });
    expect(logLines()).toEqual([
      expect.stringMatching(/^info: validated: /),
      expect.stringMatching(
        /^info: written to workspace: DynamoDBRequest team-a\/orders as kratix\/orders.yaml; nothing was applied/,
      ),
      expect.stringMatching(/^info: waiting: skipped/),
    ]);
  });
});
