'use strict';
/*
 * Two replicas of the sample backend on one PostgreSQL: a scaffolder task survives the death
 * of the replica running it.
 *
 * One embedded PostgreSQL, one sandbox cluster whose ACK holds each Table CREATING for
 * CREATE_TABLE_MS, and two sample backends, A and B, on their own ports with scaffolder task
 * recovery on. A table task with waitForReady starts on A (B is not up yet, so A claims it).
 * Once the Table is CREATING and B is ready, A is killed with SIGKILL: no graceful shutdown,
 * its heartbeats just stop. B finds the task stale, starts it over, and finishes it when the
 * Table turns ACTIVE. Exactly one DynamoDBRequest may exist at the end.
 *
 *   node e2e/twoReplicas.js            (or: yarn e2e two-replicas)
 *
 * Logs of every process go to e2e-output/two-replicas/.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const {
  startPostgres,
  backendDatabaseEnv,
  freePort,
} = require('../scripts/postgres');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'e2e-output', 'two-replicas');
const CREATE_TABLE_MS = Number(
  process.env.TWO_REPLICAS_CREATE_TABLE_MS || 120_000,
);
const STALE_SECONDS = 5;
const REQUEST = 'orders-two-replicas';
const TEMPLATE = 'template:default/kratix-dynamodb-table';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = line => console.log(`[two-replicas ${elapsed()}] ${line}`);
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** A child in its own process group, so that one signal reaches everything it started. */
function startGroup(name, cmd, args, options) {
  const out = fs.openSync(path.join(outDir, `${name}.log`), 'w');
  const child = spawn(cmd, args, {
    ...options,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const signal = sig => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  return { name, child, signal };
}

async function eventually(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(500);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${
      last ? ` (${last.message})` : ''
    }`,
  );
}

async function call(base, method, urlPath, { token, body } = {}) {
  const res = await fetch(`${base}${urlPath}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      'X-Requested-With': 'XMLHttpRequest',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/**
 * The sample backend from its sources, as `backstage-cli package start` runs it but without its
 * file watcher, which would restart a replica whenever someone edits a plugin mid-test.
 */
function startBackend(name, port, env) {
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  const args = ['--enable-source-maps', '--require', transform, 'src/index.ts'];
  const backend = startGroup(name, process.execPath, args, {
    cwd: path.join(root, 'packages', 'backend'),
    env: {
      ...env,
      NODE_ENV: 'development',
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: `http://localhost:${port}`,
    },
  });
  backend.base = `http://127.0.0.1:${port}`;
  return backend;
}

const ready = backend =>
  eventually(
    `${backend.name} to be ready`,
    async () =>
      (await call(backend.base, 'GET', '/.backstage/health/v1/readiness'))
        .status === 200,
    240_000,
  );

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kratix-two-replicas-'));
  // Run as root, PostgreSQL runs as the postgres user, which must reach its folder.
  fs.chmodSync(work, 0o755);
  const groups = [];
  let postgres;
  const cleanUp = async () => {
    for (const g of groups) g.signal('SIGTERM');
    await sleep(3000);
    for (const g of groups) g.signal('SIGKILL');
    await postgres?.stop().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));

  try {
    postgres = await startPostgres({ dataDir: path.join(work, 'postgres') });
    log(`PostgreSQL on 127.0.0.1:${postgres.port}`);

    const sandboxPort = await freePort();
    const token = crypto.randomBytes(16).toString('hex');
    const cluster = `http://127.0.0.1:${sandboxPort}`;
    groups.push(
      startGroup(
        'sandbox',
        process.execPath,
        [path.join(root, 'packages', 'sandbox', 'bin', 'sandbox')],
        {
          cwd: root,
          env: {
            ...process.env,
            SANDBOX_PORT: String(sandboxPort),
            SANDBOX_DYNAMODB_PORT: String(await freePort()),
            SANDBOX_TOKEN: token,
            SANDBOX_KUBECONFIG: path.join(work, 'kubeconfig'),
            SANDBOX_CREATE_TABLE_MS: String(CREATE_TABLE_MS),
          },
        },
      ),
    );
    const kube = (method, urlPath, body) =>
      call(cluster, method, urlPath, { token, body });
    await eventually(
      'the sandbox',
      async () => (await kube('GET', '/api')).status === 200,
      30_000,
    );
    const promise = YAML.parse(
      fs.readFileSync(
        path.join(root, 'examples', 'kratix-promise', 'promise.yaml'),
        'utf8',
      ),
    );
    await kube('POST', '/apis/platform.kratix.io/v1alpha1/promises', promise);
    const requests = '/apis/dynamodb.kratix.io/v1alpha1/dynamodbrequests';
    await eventually(
      'the DynamoDBRequest API',
      async () => (await kube('GET', requests)).status === 200,
      30_000,
    );
    log(
      `sandbox on ${cluster}, Tables stay CREATING for ${
        CREATE_TABLE_MS / 1000
      } s`,
    );

    const env = {
      ...process.env,
      ...backendDatabaseEnv(postgres.connection),
      KRATIX_SANDBOX_PORT: String(sandboxPort),
      KRATIX_SANDBOX_TOKEN: token,
      APP_CONFIG_scaffolder_taskRecovery_enabled: 'true',
      APP_CONFIG_scaffolder_taskRecovery_staleTimeout: JSON.stringify({
        seconds: STALE_SECONDS,
      }),
    };
    const a = startBackend('backend-a', await freePort(), env);
    groups.push(a);
    await ready(a);
    log(`backend A ready on ${a.base}`);

    const user = (await call(a.base, 'GET', '/api/auth/guest/refresh')).body
      .backstageIdentity.token;
    await eventually(
      'the table template in the catalog',
      async () =>
        (
          await call(
            a.base,
            'GET',
            '/api/catalog/entities/by-name/template/default/kratix-dynamodb-table',
            { token: user },
          )
        ).status === 200,
      60_000,
    );
    const created = await call(a.base, 'POST', '/api/scaffolder/v2/tasks', {
      token: user,
      body: {
        templateRef: TEMPLATE,
        values: {
          cluster: 'sandbox',
          namespace: 'default',
          name: REQUEST,
          owner: 'group:default/guests',
          tableName: REQUEST,
          region: 'us-east-1',
          deletionPolicy: 'retain',
          // The table designer's value, as the wizard submits it.
          table: {
            billingMode: 'PAY_PER_REQUEST',
            attributeDefinitions: [{ name: 'id', type: 'S' }],
            keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
          },
          waitForReady: true,
          timeoutSeconds: 600,
        },
      },
    });
    if (created.status !== 201)
      throw new Error(
        `the task was refused: ${created.status} ${JSON.stringify(
          created.body,
        )}`,
      );
    const taskPath = `/api/scaffolder/v2/tasks/${created.body.id}`;
    log(`task ${created.body.id} created on A`);

    const tables = '/apis/dynamodb.services.k8s.aws/v1alpha1/tables';
    const creating = async () =>
      (await kube('GET', tables)).body.items?.some(
        t => t.status?.tableStatus === 'CREATING',
      );
    await eventually('the Table to be CREATING', creating, 60_000);
    log('A runs the task; the Table is CREATING');

    const b = startBackend('backend-b', await freePort(), env);
    groups.push(b);
    await ready(b);
    const task = async backend =>
      (await call(backend.base, 'GET', taskPath, { token: user })).body;
    const before = await task(b);
    if (before.status !== 'processing' || !(await creating())) {
      throw new Error(
        `too late to kill A: task ${before.status}; raise TWO_REPLICAS_CREATE_TABLE_MS`,
      );
    }
    log(`backend B ready on ${b.base}; the task is still processing`);

    a.signal('SIGKILL');
    const killedAt = Date.now();
    log('backend A killed with SIGKILL');

    let recoveredAt;
    const finished = await eventually(
      'B to finish the task',
      async () => {
        if (!recoveredAt) {
          const events = (
            await call(b.base, 'GET', `${taskPath}/events`, { token: user })
          ).body;
          if (
            Array.isArray(events) &&
            events.some(e => e.type === 'recovered')
          ) {
            recoveredAt = Date.now();
            log(
              `B took the task over ${((recoveredAt - killedAt) / 1000).toFixed(
                1,
              )} s after the kill`,
            );
          }
        }
        const t = await task(b);
        return ['completed', 'failed', 'cancelled'].includes(t.status) && t;
      },
      CREATE_TABLE_MS + 180_000,
    );
    const doneAt = Date.now();

    const all = (await kube('GET', requests)).body.items;
    const table = (await kube('GET', tables)).body.items.find(
      t => t.spec?.tableName === REQUEST,
    );
    const problems = [];
    if (finished.status !== 'completed')
      problems.push(`the task ended ${finished.status}`);
    if (!recoveredAt)
      problems.push('no "recovered" event: B did not take the task over');
    if (all.length !== 1)
      problems.push(
        `${all.length} DynamoDBRequests exist, not 1: ${all
          .map(r => r.metadata.name)
          .join(', ')}`,
      );
    if (table?.status?.tableStatus !== 'ACTIVE')
      problems.push(`the Table is ${table?.status?.tableStatus ?? 'missing'}`);
    const figures =
      `kill -> taken over by B ${
        recoveredAt ? ((recoveredAt - killedAt) / 1000).toFixed(1) : '-'
      } s, ` +
      `kill -> task ${finished.status} ${((doneAt - killedAt) / 1000).toFixed(
        1,
      )} s ` +
      `(the Table stays CREATING ${
        CREATE_TABLE_MS / 1000
      } s; stale timeout ${STALE_SECONDS} s)`;
    if (problems.length) throw new Error(`${problems.join('; ')} (${figures})`);
    log(
      `ok: one DynamoDBRequest (${all[0].metadata.namespace}/${all[0].metadata.name}), Table ACTIVE; ${figures}`,
    );
    return true;
  } finally {
    await cleanUp();
  }
}

main().then(
  () => {
    console.log('two-replicas: 1 passed, 0 failed');
    process.exit(0);
  },
  e => {
    console.log(`FAIL two-replicas: ${e.stack ?? e}`);
    console.log(
      'two-replicas: 0 passed, 1 failed (logs in e2e-output/two-replicas/)',
    );
    process.exit(1);
  },
);
