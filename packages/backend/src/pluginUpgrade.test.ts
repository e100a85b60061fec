/*
 * The plugins' data in the database outlives a change of the plugins.
 *
 * Our plugins own no tables and no migrations (nothing under plugins/ asks for
 * coreServices.database). What they keep in the database lives in the catalog's and the
 * scaffolder's tables:
 *  - the catalog provider's entities (refresh_state and final_entities, under the provider
 *    name `kratix-dynamodb` and the location key `kratix-dynamodb:<cluster>`);
 *  - the provider's scheduled full sync (the scheduler's task row, with its cadence);
 *  - a table task's checkpoint (tasks.state), which a recovered task reads back so that it
 *    does not create its DynamoDBRequest twice.
 *
 * One PostgreSQL and one sandbox cluster. The first backend, the release, catalogs a request
 * the task makes, registers the full sync every 30 minutes and takes a table task without
 * running it (no task workers). The test then leaves in the database and on the cluster what
 * release 0.1.0's action leaves when its replica dies while it waits for the Table: the
 * DynamoDBRequest stamped with the task's id, the checkpoint in the format 0.1.0 writes, and a
 * heartbeat long stopped. The second backend, the next build, starts on the same database with
 * the DB-using parts changed (the full sync every 2 seconds, task recovery on). It must take
 * the new cadence, keep serving the same entity (no duplicate, no orphan), finish the task from
 * the 0.1.0 checkpoint with exactly one DynamoDBRequest, and leave the catalog's and the
 * scaffolder's migrations as they were.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import knexFactory from 'knex';
import request from 'supertest';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  freePort,
  PostgresConnection,
  RunningPostgres,
  startPostgres,
} from '../../../scripts/postgres';

jest.setTimeout(300_000);

const repo = path.resolve(__dirname, '../../..');
const REQUESTS = '/apis/dynamodb.kratix.io/v1alpha1/dynamodbrequests';
const TASK_NAME = 'orders-upgrade';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The scaffolder (4.2.0) keeps polling a finished task's events once a second when the task is
 * recoverable: the watch it opens when a replica claims the task ends only on a `cancelled`
 * event. It outlives `stop()`, and once PostgreSQL is gone its failed query becomes an
 * unhandled rejection that fails whichever test file this Jest worker runs next. Cancelling the
 * finished task writes that event (the task stays `completed`); the watch reads it within its
 * next two polls (a second apart) and ends; five seconds leave room for a loaded machine.
 */
async function releaseTaskWatch(
  server: Parameters<typeof request>[0],
  taskPath: string,
  user: string,
) {
  const cancelled = await request(server)
    .post(`${taskPath}/cancel`)
    .set('Authorization', user);
  expect(cancelled.status).toBe(200);
  await sleep(5_000);
}

async function taskEvents(
  server: Parameters<typeof request>[0],
  taskPath: string,
  user: string,
) {
  const res = await request(server)
    .get(`${taskPath}/events`)
    .set('Authorization', user);
  return res.body as Array<{ type: string; body: { message?: string } }>;
}

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

type Cluster = {
  url: string;
  token: string;
  kube: (method: string, urlPath: string, body?: unknown) => Promise<any>;
  process: ChildProcess;
};

/** The sandbox as its own process. */
async function startSandboxProcess(dir: string): Promise<Cluster> {
  const port = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const child = spawn(
    process.execPath,
    [path.join(repo, 'packages', 'sandbox', 'bin', 'sandbox')],
    {
      cwd: repo,
      stdio: 'ignore',
      env: {
        ...process.env,
        SANDBOX_PORT: String(port),
        SANDBOX_DYNAMODB_PORT: String(await freePort()),
        SANDBOX_TOKEN: token,
        SANDBOX_KUBECONFIG: path.join(dir, 'kubeconfig'),
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const kube = async (method: string, urlPath: string, body?: unknown) => {
    const res = await fetch(`${url}${urlPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => ({})) };
  };
  await eventually(
    'the sandbox',
    async () => (await kube('GET', '/api')).status === 200,
  );
  // The platform engineer's step, with kubectl and the kubeconfig the sandbox writes.
  await new Promise<void>((resolve, reject) =>
    execFile(
      'kubectl',
      ['apply', '-f', path.join(repo, 'examples/kratix-promise/promise.yaml')],
      { env: { ...process.env, KUBECONFIG: path.join(dir, 'kubeconfig') } },
      (error, _stdout, stderr) =>
        error
          ? reject(new Error(`kubectl apply failed: ${stderr}`))
          : resolve(),
    ),
  );
  await eventually(
    'the DynamoDBRequest API',
    async () => (await kube('GET', REQUESTS)).status === 200,
  );
  return { url, token, kube, process: child };
}

/** Stops or restarts the sandbox's ACK controller (as a crash-looping one: Tables get no status). */
async function setAckDown(cluster: Cluster, down: boolean) {
  const res = await cluster.kube('PUT', '/sandbox/faults', {
    ackNoCredentials: down ? 'no-status' : null,
  });
  expect(res.status).toBe(200);
}

function startBackend(
  connection: PostgresConnection,
  cluster: Cluster,
  changes: { fullSyncEvery: string; runsTasks: boolean },
) {
  return startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      import(
        '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
      ),
      import('@backstage/plugin-scaffolder-backend'),
      import('@kratix-dynamodb/scaffolder-backend-module'),
      import('@kratix-dynamodb/catalog-backend-module'),
      // The real scheduler, which keeps its tasks in the plugin's database (the test backend's
      // default keeps them in memory).
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://127.0.0.1',
            database: { client: 'pg', connection },
          },
          catalog: {
            rules: [
              { allow: ['Component', 'Resource', 'Template', 'Location'] },
            ],
            locations: [
              {
                type: 'file',
                target: path.join(
                  repo,
                  'templates/dynamodb-table/template.yaml',
                ),
              },
            ],
          },
          scaffolder: changes.runsTasks
            ? { taskRecovery: { enabled: true, staleTimeout: { seconds: 2 } } }
            : { concurrentTasksLimit: 0 },
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: cluster.url,
                auth: { serviceAccountToken: cluster.token },
              },
            ],
            tenancy: { namespaces: { default: ['group:default/guests'] } },
            catalog: {
              schedule: {
                frequency: changes.fullSyncEvery,
                timeout: 'PT1M',
                initialDelay: 'PT1S',
              },
            },
          },
        },
      }),
    ],
  });
}

async function query<T>(
  connection: PostgresConnection,
  database: string,
  run: (db: ReturnType<typeof knexFactory>) => Promise<T>,
): Promise<T> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...connection, database },
  });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const migrationsOf = (connection: PostgresConnection, database: string) =>
  query(connection, database, db =>
    db('knex_migrations').orderBy('id').pluck('name'),
  );

const fullSyncCadence = (connection: PostgresConnection) =>
  query(connection, 'backstage_plugin_catalog', async db => {
    const row = await db('backstage_backend_tasks__tasks')
      .where({ id: 'kratix-dynamodb-entity-provider:full-sync' })
      .first();
    return row && JSON.parse(row.settings_json).cadence;
  });

const TABLE = {
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'id', type: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
};

/**
 * What release 0.1.0's table action leaves when its replica dies while it waits for the
 * Table: the DynamoDBRequest, stamped with the task's id; the task's checkpoint, under the key
 * and in the shape 0.1.0 writes (the scaffolder prefixes `v1.task.checkpoint.<step id>.` to
 * the action's key); and the task in `processing` with a heartbeat long stopped.
 */
async function leaveWhatTheReleaseLeaves(
  connection: PostgresConnection,
  cluster: Cluster,
  taskId: string,
) {
  const made = await cluster.kube(
    'POST',
    '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests',
    {
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: {
        name: TASK_NAME,
        namespace: 'default',
        labels: {
          'app.kubernetes.io/managed-by': 'backstage-scaffolder',
          'backstage.io/kubernetes-id': TASK_NAME,
        },
        annotations: {
          'kratix-dynamodb.io/entity-ref': `resource:default/${TASK_NAME}_sandbox`,
          'kratix-dynamodb.io/scaffolder-task-id': taskId,
          'kratix-dynamodb.io/owner': 'group:default/guests',
        },
      },
      spec: {
        name: TASK_NAME,
        region: 'us-east-1',
        deletionPolicy: 'retain',
        ...TABLE,
      },
    },
  );
  expect(made.status).toBe(201);
  const checkpoints = {
    [`v1.task.checkpoint.create.kratix-dynamodb.create.dynamodb.kratix.io.DynamoDBRequest.sandbox.default.${TASK_NAME}`]:
      {
        status: 'success',
        value: { uid: made.body.metadata.uid, how: 'created' },
      },
  };
  await query(connection, 'backstage_plugin_scaffolder', db =>
    db('tasks')
      .where({ id: taskId })
      .update({
        status: 'processing',
        last_heartbeat_at: new Date(Date.now() - 3_600_000),
        state: JSON.stringify({ state: { checkpoints, steps: {} } }),
      }),
  );
}

describe('the plugins’ data across a change of the plugins', () => {
  let dir: string;
  let postgres: RunningPostgres | undefined;
  let cluster: Cluster | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kratix-upgrade-'));
    // Run as root, PostgreSQL runs as the postgres user, which must reach the folder.
    fs.chmodSync(dir, 0o755);
  });

  afterAll(async () => {
    cluster?.process.kill('SIGKILL');
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the entities, takes the new schedule and finishes a task from its checkpoint', async () => {
    postgres = await startPostgres({ dataDir: path.join(dir, 'data') });
    cluster = await startSandboxProcess(dir);
    // ACK is down until the next build has taken the task over, so the Table cannot become
    // ACTIVE before then: the recovered task has to wait for it, as after a real replica death.
    await setAckDown(cluster, true);
    const { connection } = postgres;
    const user = mockCredentials.user.header();

    // The first backend: the plugins as released.
    const first = await startBackend(connection, cluster, {
      fullSyncEvery: 'PT30M',
      runsTasks: false,
    });
    const entityPath = '/api/catalog/entities/by-name/resource/default';
    const created = await eventually(
      'the template in the catalog',
      async () => {
        const res = await request(first.server)
          .post('/api/scaffolder/v2/tasks')
          .set('Authorization', user)
          .send({
            templateRef: 'template:default/kratix-dynamodb-table',
            values: {
              cluster: 'sandbox',
              namespace: 'default',
              name: TASK_NAME,
              owner: 'group:default/guests',
              tableName: TASK_NAME,
              region: 'us-east-1',
              deletionPolicy: 'retain',
              table: TABLE,
              waitForReady: true,
              timeoutSeconds: 600,
            },
          });
        return res.status === 201 && res.body;
      },
    );
    const taskPath = `/api/scaffolder/v2/tasks/${created.id}`;
    await leaveWhatTheReleaseLeaves(connection, cluster, created.id);
    const entityRef = `${entityPath}/${TASK_NAME}_sandbox`;
    await eventually(
      'the entity in the catalog',
      async () =>
        (
          await request(first.server).get(entityRef).set('Authorization', user)
        ).status === 200,
    );
    const firstEntity = (
      await request(first.server).get(entityRef).set('Authorization', user)
    ).body;
    expect(await fullSyncCadence(connection)).toBe('PT30M');
    const migrations = {
      catalog: await migrationsOf(connection, 'backstage_plugin_catalog'),
      scaffolder: await migrationsOf(connection, 'backstage_plugin_scaffolder'),
    };
    await first.stop();

    // The next build: the full sync's schedule changed, and stale tasks are recovered.
    const second = await startBackend(connection, cluster, {
      fullSyncEvery: 'PT2S',
      runsTasks: true,
    });
    try {
      expect(await fullSyncCadence(connection)).toBe('PT2S');
      await eventually(
        'the task to be recovered by the second backend',
        async () =>
          (
            await taskEvents(second.server, taskPath, user)
          ).some(e => e.type === 'recovered'),
      );
      expect(
        (await request(second.server).get(taskPath).set('Authorization', user))
          .body.status,
      ).toBe('processing');
      await setAckDown(cluster, false);

      const finished = await eventually(
        'the task to finish on the second backend',
        async () => {
          const res = await request(second.server)
            .get(taskPath)
            .set('Authorization', user);
          return (
            ['completed', 'failed', 'cancelled'].includes(res.body.status) &&
            res.body
          );
        },
        180_000,
      );
      const events = await taskEvents(second.server, taskPath, user);
      const messages = events.map(e => e.body.message ?? '').join('\n');
      expect({
        status: finished.status,
        recovered: events.some(e => e.type === 'recovered'),
      }).toEqual({ status: 'completed', recovered: true });
      // Read back from the 0.1.0 checkpoint, not found again by a lookup on the cluster.
      expect(messages).toContain('before this task was recovered');
      const requests = (await cluster.kube('GET', REQUESTS)).body.items;
      expect(requests.map((r: any) => r.metadata.name)).toEqual([TASK_NAME]);

      // The same entity, from the same provider, still served: nothing orphaned or doubled.
      const entities = await request(second.server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'kind=resource' })
        .set('Authorization', user);
      expect(entities.body.items.map((e: any) => e.metadata.name)).toEqual([
        `${TASK_NAME}_sandbox`,
      ]);
      const secondEntity = (
        await request(second.server).get(entityRef).set('Authorization', user)
      ).body;
      expect(secondEntity.metadata.uid).toBe(firstEntity.metadata.uid);

      expect({
        catalog: await migrationsOf(connection, 'backstage_plugin_catalog'),
        scaffolder: await migrationsOf(
          connection,
          'backstage_plugin_scaffolder',
        ),
      }).toEqual(migrations);
    } finally {
      await releaseTaskWatch(second.server, taskPath, user);
      await second.stop();
    }
    // With PostgreSQL gone, a watch still polling would fail this test, not a later file's.
    await postgres.stop();
    postgres = undefined;
    await sleep(3_000);
  });
});
