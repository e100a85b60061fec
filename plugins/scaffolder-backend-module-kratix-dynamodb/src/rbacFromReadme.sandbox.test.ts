/*
 * Issue 18, proven with the docs: both actions run with a ServiceAccount bound to exactly the
 * ClusterRole in README.md ("Using real clusters"), read from the README itself: dry runs,
 * creates, and waiting for the table. Without any one verb they need, they fail with a message
 * that names it (the apiserver's 403, passed on as a NotAllowedError).
 */
import {
  DYNAMODB_REQUEST_GVK,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import {
  permissionsUsedBy,
  RbacSandbox,
  startReadmeRbacSandbox,
  withoutPermission,
} from '@kratix-dynamodb/sandbox';
import { createKratixDynamoDBActions } from './actions';
import {
  applicationActionInput,
  tableActionInput,
} from './__testUtils__/actionInputs';
import {
  actionContext,
  actionDependencies,
} from './__testUtils__/actionTestKit';

jest.setTimeout(120_000);

type Feature = 'table dry run' | 'table create' | 'app dry run' | 'app create';

describe('the scaffolder actions with the README ClusterRole', () => {
  let rbac: RbacSandbox;
  let admin: KubernetesClient;
  let runs = 0;

  beforeAll(async () => {
    rbac = await startReadmeRbacSandbox();
    admin = new KubernetesClient({
      cluster: 'sandbox',
      connection: rbac.adminConnection,
    });
  });
  afterAll(() => rbac?.sandbox.stop());

  /** Runs one feature with the ServiceAccount's token, each time under new names. */
  async function run(feature: Feature, extra: Record<string, unknown> = {}) {
    runs++;
    const [createRequest, createApplication] = createKratixDynamoDBActions(
      actionDependencies(rbac.sandbox.plainHttpUrl, { token: rbac.token }),
    );
    const name = `rbac-${runs}`;
    const isDryRun = feature.endsWith('dry run');
    const input = feature.startsWith('table')
      ? tableActionInput({
          namespace: 'default',
          name,
          tableName: name,
          ...extra,
        })
      : applicationActionInput({
          namespace: 'default',
          name,
          table: {
            ...applicationActionInput().table,
            tableName: `${name}-sessions`,
          },
          ...extra,
        });
    const action = feature.startsWith('table')
      ? createRequest
      : createApplication;
    const { ctx, logLines, outputs } = actionContext(input, { isDryRun });
    await action.handler(ctx);
    return { name, logLines, outputs };
  }

  it('dry-runs, creates and waits for the table, and dry-runs and creates the app, with exactly that role', async () => {
    const tableDryRun = await run('table dry run');
    expect(tableDryRun.logLines()).toContainEqual(
      expect.stringMatching(/^info: dry run: cluster 'sandbox' accepted/),
    );
    expect(
      await admin.get(DYNAMODB_REQUEST_GVK, 'default', tableDryRun.name),
    ).toBeUndefined();

    const table = await run('table create', {
      waitForReady: true,
      timeoutSeconds: 60,
    });
    expect(table.logLines().at(-1)).toBe(
      `info: ready: DynamoDBRequest default/${table.name} on cluster 'sandbox'`,
    );
    const stored = await admin.get(DYNAMODB_REQUEST_GVK, 'default', table.name);
    expect(table.outputs().uid).toBe(stored?.metadata.uid);

    const appDryRun = await run('app dry run');
    expect(appDryRun.logLines()).toContainEqual(
      expect.stringMatching(/^info: dry run: cluster 'sandbox' accepted/),
    );
    const app = await run('app create');
    const storedApp = await admin.get(
      KUBEVELA_APPLICATION_GVK,
      'default',
      app.name,
    );
    expect(app.outputs().uid).toBe(storedApp?.metadata.uid);

    expect(rbac.sandbox.requestCounts().byCode['403'] ?? 0).toBe(0);
  });

  /** The features that need each permission: all of them must fail without it. */
  const NEEDED_BY: Record<string, Feature[]> = {
    'get dynamodbrequests': ['table create'],
    'list dynamodbrequests': ['table dry run', 'table create', 'app create'],
    'create dynamodbrequests': ['table dry run', 'table create'],
    'list tables': ['table dry run', 'table create', 'app dry run'],
    'get applications': ['app create'],
    'create applications': ['app dry run', 'app create'],
  };

  it('needs every verb the README grants it', () => {
    expect(
      permissionsUsedBy(rbac.role, 'scaffolder')
        .map(p => `${p.verb} ${p.resource}`)
        .sort(),
    ).toEqual(Object.keys(NEEDED_BY).sort());
  });

  describe.each(Object.entries(NEEDED_BY))('without %s', (name, features) => {
    afterEach(() => rbac.setRole(rbac.role));

    it.each(features)(
      '%s fails, naming the missing permission',
      async feature => {
        const removed = permissionsUsedBy(rbac.role, 'scaffolder').find(
          p => `${p.verb} ${p.resource}` === name,
        )!;
        await rbac.setRole(withoutPermission(rbac.role, removed));
        const failure = run(feature);
        await expect(failure).rejects.toThrow(
          `cannot ${removed.verb} resource "${removed.resource}"`,
        );
        await expect(failure).rejects.toThrow(rbac.user);
        await expect(failure).rejects.toThrow(/^Not permitted to /);
      },
    );
  });
});
