/**
 * Both actions against the embedded sandbox cluster (packages/sandbox): a real API server with
 * CRD schemas, Kratix running the real workflow pipeline, ACK on dynalite, and KubeVela
 * running the session-api process. The actions only see a cluster at a URL.
 */
import path from 'node:path';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import {
  DYNAMODB_REQUEST_GVK,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import {
  createKratixDynamoDBActions,
  KratixDynamoDBActionDependencies,
} from './actions';
import { actionContext } from './__testUtils__/actionTestKit';
import { startSandboxForActions } from './__testUtils__/sandboxActions';
import { firstStepInput, loadTemplate } from './__testUtils__/templateReplay';

const REPO = path.resolve(__dirname, '../../..');

describe('the actions against the sandbox cluster', () => {
  let sandbox: Sandbox;
  let deps: KratixDynamoDBActionDependencies;
  let client: KubernetesClient;

  beforeAll(async () => {
    const started = await startSandboxForActions();
    ({ sandbox, client } = started);
    deps = started.deps();
  }, 60_000);

  afterAll(() => sandbox?.stop());

  const [createRequest, createApplication] = [0, 1].map(
    i => () => createKratixDynamoDBActions(deps)[i],
  );

  const tableInput = {
    cluster: 'sandbox',
    name: 'carts',
    tableName: 'carts',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ name: 'cartId', type: 'S' }],
    keySchema: [{ attributeName: 'cartId', keyType: 'HASH' }],
    owner: 'group:default/guests',
  };

  it('dry run: the sandbox checks the request server-side and nothing is stored', async () => {
    const { ctx, logLines } = actionContext(tableInput, { isDryRun: true });
    await createRequest().handler(ctx);
    expect(logLines()).toContainEqual(
      expect.stringMatching(/^info: dry run: cluster 'sandbox' accepted/),
    );
    expect(
      await client.get(DYNAMODB_REQUEST_GVK, 'default', 'carts'),
    ).toBeUndefined();
  });

  it('creates a request and waits until Kratix and ACK make the table ACTIVE; a retry reuses it', async () => {
    const { ctx, logLines, outputs } = actionContext({
      ...tableInput,
      waitForReady: true,
      timeoutSeconds: 60,
    });
    await createRequest().handler(ctx);
    expect(logLines().map(line => line.split(':')[1].trim())).toEqual([
      'validated',
      'applied',
      'waiting',
      'waiting',
      'waiting',
      'ready',
    ]);
    const stored = await client.get(DYNAMODB_REQUEST_GVK, 'default', 'carts');
    expect(outputs()).toMatchObject({
      requestRef: 'sandbox/default/carts',
      uid: stored?.metadata.uid,
      entityRef: 'resource:default/carts_sandbox',
    });

    const retry = actionContext(tableInput);
    await createRequest().handler(retry.ctx);
    expect(retry.outputs().uid).toBe(stored?.metadata.uid);
  }, 90_000);

  it("runs the DynamoDB table template's step as the wizard would, with its default form values", async () => {
    const template = loadTemplate(
      path.join(REPO, 'templates/dynamodb-table/template.yaml'),
    );
    const input = firstStepInput(template, {
      cluster: 'sandbox',
      name: 'orders',
      tableName: 'orders',
      owner: 'group:default/guests',
    });
    const { ctx, logLines, outputs } = actionContext(input);
    await createRequest().handler(ctx);
    expect(logLines().at(-1)).toBe(
      "info: ready: DynamoDBRequest default/orders on cluster 'sandbox'",
    );
    expect(outputs().entityRef).toBe('resource:default/orders_sandbox');
  }, 90_000);

  it("deploys the session-api template's Application and waits until KubeVela runs it healthy", async () => {
    const template = loadTemplate(
      path.join(REPO, 'templates/session-api-app/template.yaml'),
    );
    const input = firstStepInput(template, {
      cluster: 'sandbox',
      name: 'sessions-app',
      tableName: 'sessions-app-sessions',
      owner: 'group:default/guests',
    });
    const { ctx, logLines, outputs } = actionContext(input);
    await createApplication().handler(ctx);
    expect(logLines().at(-1)).toBe(
      "info: ready: Application default/sessions-app on cluster 'sandbox'",
    );
    const app = await client.get(
      KUBEVELA_APPLICATION_GVK,
      'default',
      'sessions-app',
    );
    expect(app?.status?.status).toBe('running');
    expect(outputs()).toMatchObject({
      entityRef: 'component:default/sessions-app_sandbox',
      tableEntityRef: 'resource:default/sessions-app-table_sandbox',
    });
  }, 120_000);
});
