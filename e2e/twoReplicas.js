'use strict';
/*
 * Two replicas of the sample backend on one PostgreSQL.
 *
 * One embedded PostgreSQL, one sandbox cluster whose ACK holds each Table CREATING for
 * CREATE_TABLE_MS, and two sample backends, A and B, on their own ports with scaffolder task
 * recovery on. In order:
 *  1. A table task with waitForReady starts on A (B is not up yet, so A claims it).
 *  2. With both replicas up: the catalog provider's full sync runs once per tick across them,
 *     not once in each (e2e/replicas/providerRuns.js), and the status route answers the same
 *     chain from A and from B.
 *  3. With the Table CREATING, A is killed with SIGKILL: no graceful shutdown, its heartbeats
 *     just stop. B finds the task stale, starts it over, and finishes it when the Table turns
 *     ACTIVE. Exactly one DynamoDBRequest may exist at the end.
 *  4. A card open in Chromium (the app's build as B serves it, talking to B) while B restarts
 *     loses nothing (e2e/replicas/cardAcrossRestart.js).
 *
 *   node e2e/twoReplicas.js            (or: yarn e2e two-replicas)
 *
 * Every port it binds is a free one, so it runs beside the browser scenarios (which hold :7007
 * and :6443) and the new app. The app's pages come from B's app plugin, which serves the
 * sample app's build (e2e/appBuild.js). Logs of every process go to e2e-output/two-replicas/.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  startPostgres,
  backendDatabaseEnv,
  freePort,
} = require('../scripts/postgres');
const {
  root,
  sleep,
  eventually,
  call,
  startBackend,
  startSandboxWithPromise,
  ready,
} = require('./processes');
const { watchFullSyncs } = require('./replicas/providerRuns');
const { startTableTask, killAndTakeOver } = require('./replicas/tableTask');
const { sameStatusChain } = require('./replicas/sameStatusChain');
const { cardAcrossRestart } = require('./replicas/cardAcrossRestart');
const { ensureAppBuilt } = require('./appBuild');

const outDir = path.join(root, 'e2e-output', 'two-replicas');
// Long enough that A is killed while the Table is CREATING: the kill comes about 65 s after the
// Table's creation here (80 s on a loaded machine), and the run checks it was in time.
const CREATE_TABLE_MS = Number(
  process.env.TWO_REPLICAS_CREATE_TABLE_MS || 150_000,
);
const STALE_SECONDS = 5;
/** The provider's full sync runs this often here, so that a short window shows many ticks. */
const FULL_SYNC_EVERY_S = 5;
const FULL_SYNC_WINDOW_MS = 30_000;
const REQUEST = 'orders-two-replicas';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = line => console.log(`[two-replicas ${elapsed()}] ${line}`);
const seconds = ms => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);

async function startSandbox(groups) {
  const sandboxPort = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const { base, kube } = await startSandboxWithPromise({
    outDir,
    groups,
    port: sandboxPort,
    token,
    env: {
      SANDBOX_DYNAMODB_PORT: String(await freePort()),
      SANDBOX_CREATE_TABLE_MS: String(CREATE_TABLE_MS),
    },
  });
  log(
    `sandbox on ${base}, Tables stay CREATING for ${CREATE_TABLE_MS / 1000} s`,
  );
  return { sandboxPort, token, kube };
}

const REQUESTS = '/apis/dynamodb.kratix.io/v1alpha1/dynamodbrequests';
const TABLES = '/apis/dynamodb.services.k8s.aws/v1alpha1/tables';

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
    const { sandboxPort, token, kube } = await startSandbox(groups);

    // The app's origin is B's: B serves the app's build, and the pages talk to B.
    const bPort = await freePort();
    process.env.E2E_APP_URL = `http://localhost:${bPort}`;
    const env = {
      ...process.env,
      APP_CONFIG_app_baseUrl: process.env.E2E_APP_URL,
      APP_CONFIG_backend_cors_origin: process.env.E2E_APP_URL,
      ...backendDatabaseEnv(postgres.connection),
      KRATIX_SANDBOX_PORT: String(sandboxPort),
      KRATIX_SANDBOX_TOKEN: token,
      APP_CONFIG_scaffolder_taskRecovery_enabled: 'true',
      APP_CONFIG_scaffolder_taskRecovery_staleTimeout: JSON.stringify({
        seconds: STALE_SECONDS,
      }),
      // ISO strings: an object would be merged with app-config.yaml's { minutes: 30 }.
      APP_CONFIG_kratixDynamodb_catalog_schedule: JSON.stringify({
        frequency: `PT${FULL_SYNC_EVERY_S}S`,
        timeout: 'PT1M',
        initialDelay: 'PT1S',
      }),
    };
    const a = startBackend(outDir, 'backend-a', await freePort(), env);
    groups.push(a);
    await ready(a);
    log(`backend A ready on ${a.base}`);

    const user = (await call(a.base, 'GET', '/api/auth/guest/refresh')).body
      .backstageIdentity.token;
    const taskPath = await startTableTask(a, user, REQUEST);
    log(`task ${taskPath.split('/').pop()} created on A`);
    const creating = async () =>
      (await kube('GET', TABLES)).body.items?.some(
        t => t.status?.tableStatus === 'CREATING',
      );
    await eventually('the Table to be CREATING', creating, 60_000);
    log('A runs the task; the Table is CREATING');

    // B's app plugin looks for the build when it starts (scripts/e2e.js builds it meanwhile).
    await ensureAppBuilt();
    const startB = () => {
      const b = startBackend(outDir, 'backend-b', bPort, env);
      groups.push(b);
      return b;
    };
    let b = startB();
    await ready(b);
    log(`backend B ready on ${b.base}`);
    // B's start registers the full sync again, which reschedules it once; count after that.
    await sleep(2 * FULL_SYNC_EVERY_S * 1000);
    const syncs = await watchFullSyncs([a, b], {
      frequencyMs: FULL_SYNC_EVERY_S * 1000,
      windowMs: FULL_SYNC_WINDOW_MS,
    });
    const byReplica = name => syncs.runs.filter(r => r.replica === name).length;
    log(
      `catalog full syncs in ${
        FULL_SYNC_WINDOW_MS / 1000
      } s (every ${FULL_SYNC_EVERY_S} s): ` +
        `${syncs.runs.length} in all, A ran ${byReplica(
          'backend-a',
        )}, B ran ${byReplica('backend-b')}`,
    );

    const request = (await kube('GET', REQUESTS)).body.items.find(
      r => r.metadata.name === REQUEST,
    );
    const entityRef =
      request?.metadata.annotations?.['kratix-dynamodb.io/entity-ref'];
    if (!entityRef) throw new Error('the request carries no entity ref');
    await eventually(
      `${entityRef} in the catalog`,
      async () =>
        (
          await call(
            b.base,
            'GET',
            `/api/catalog/entities/by-name/${entityRef.replace(':', '/')}`,
            { token: user },
          )
        ).status === 200,
      60_000,
    );
    const chain = await sameStatusChain([a, b], entityRef, user);
    log(
      `A and B answer the same chain for ${entityRef}: ${chain.stages
        .map(s => `${s.id} ${s.state}`)
        .join(', ')}`,
    );

    const before = (await call(b.base, 'GET', taskPath, { token: user })).body;
    if (before.status !== 'processing' || !(await creating())) {
      throw new Error(
        `too late to kill A: task ${before.status}; raise TWO_REPLICAS_CREATE_TABLE_MS`,
      );
    }
    const { finished, takeOverMs, finishMs } = await killAndTakeOver({
      a,
      b,
      taskPath,
      user,
      log,
      timeoutMs: CREATE_TABLE_MS + 180_000,
    });

    const all = (await kube('GET', REQUESTS)).body.items;
    const table = (await kube('GET', TABLES)).body.items.find(
      t => t.spec?.tableName === REQUEST,
    );
    const problems = [...syncs.problems];
    if (finished.status !== 'completed')
      problems.push(`the task ended ${finished.status}`);
    if (!takeOverMs)
      problems.push('no "recovered" event: B did not take the task over');
    if (all.length !== 1)
      problems.push(
        `${all.length} DynamoDBRequests exist, not 1: ${all
          .map(r => r.metadata.name)
          .join(', ')}`,
      );
    if (table?.status?.tableStatus !== 'ACTIVE')
      problems.push(`the Table is ${table?.status?.tableStatus ?? 'missing'}`);
    log(
      `kill -> taken over by B ${seconds(takeOverMs)}, kill -> task ${
        finished.status
      } ${seconds(finishMs)} (the Table stays CREATING ${
        CREATE_TABLE_MS / 1000
      } s; stale timeout ${STALE_SECONDS} s)`,
    );

    const card = await cardAcrossRestart({
      requestName: REQUEST,
      kube,
      log,
      webSocketLog: path.join(outDir, 'card-websockets.log'),
      screenshot: (page, name) =>
        page.screenshot({ path: path.join(outDir, `${name}.png`) }),
      stopB: async () => {
        b.signal('SIGTERM');
        await Promise.race([b.exited, sleep(15_000)]);
        b.signal('SIGKILL');
        await b.exited;
        return async () => {
          b = startB();
          await ready(b);
        };
      },
    });
    problems.push(...card.problems);
    log(
      `card across B's restart: caught up ${seconds(
        card.caughtUpMs,
      )} after B was ready, a change right after shown in ${seconds(
        card.fixedMs,
      )} (${
        card.signalsBackFirst
          ? 'signals were back already'
          : 'before signals were back: a catch-up read'
      }), a change a minute later (signals) in ${seconds(card.liveMs)}`,
    );
    if (problems.length) throw new Error(problems.join('; '));
    log(
      `ok: one DynamoDBRequest (${all[0].metadata.namespace}/${all[0].metadata.name}), Table ACTIVE`,
    );
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
