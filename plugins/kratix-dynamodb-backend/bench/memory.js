#!/usr/bin/env node
'use strict';
/*
 * Memory benchmark of a backend with the plugins (catalog + this plugin + the catalog module's
 * provider) against a sandbox cluster holding 0, then N1, then N2... DynamoDBRequests with their
 * ACTIVE Tables. At each size every entity's card is viewed once (so the status informers hold
 * everything), then its CPU at rest is read (the median of three 10 s windows) and, after a full
 * GC, its RSS and heap. The slope between the smallest and the largest size is the cost of one request, its
 * Table and its entity.
 *
 *   node --expose-gc bench/memory.js [--counts 0,1000,10000] [--mode full|bounded] [--heap-snapshots DIR]
 *     [--idle-profiles DIR]
 *   (yarn workspace @kratix-dynamodb/backend bench:memory)
 *
 * --mode bounded sets kratixDynamodb.cache.fullCacheLimit to 0: the backend keeps no full-cluster
 * cache, only per-object watches of the cards viewed (at most cache.boundedWatches, default
 * 1,000), and the provider follows the cluster with a watch that keeps nothing.
 *
 * With --heap-snapshots, a V8 heap snapshot of the backend is written to DIR at each size
 * (heap-<requests>.heapsnapshot), after the GC; bench/heapSnapshotSummary.js compares two.
 * With --idle-profiles, a CPU profile of 10 more idle seconds is written to DIR at each size
 * (idle-<requests>.cpuprofile) and its busiest functions are printed.
 */
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { seedDynamoDBRequests } = require('@kratix-dynamodb/sandbox');
const { entityNameOfClusterObject } = require('@kratix-dynamodb/common');
const { startSandboxProcess } = require('./sandboxProcess');
const { argValue, startBenchBackend } = require('./benchBackend');
const { profileIdleWindow } = require('./idleProfile');

const COUNTS = argValue('counts', '0,1000,10000').split(',').map(Number);
const PORT = Number(argValue('port', 7118));
const SNAPSHOT_DIR = argValue('heap-snapshots', undefined);
const IDLE_PROFILE_DIR = argValue('idle-profiles', undefined);
const MODE = argValue('mode', 'full');
const TOKEN = 'bench-static-token-memory-0123456789';
const base = `http://127.0.0.1:${PORT}/api`;
const headers = { Authorization: `Bearer ${TOKEN}` };
const sleep = ms => new Promise(r => setTimeout(r, ms));

if (typeof global.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}

const DATABASE_DIR = fs.mkdtempSync(
  path.join(
    fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
    'kratix-mem-db-',
  ),
);

function startBackend(sandbox) {
  return startBenchBackend({
    port: PORT,
    token: TOKEN,
    sandbox,
    // In files, as PostgreSQL would be in production: the catalog's rows are not backend memory.
    // The files go to a RAM-backed folder where there is one: at tens of thousands of entities
    // the catalog's writes waited on the disk and set the pace of the whole run. Its pages are
    // the kernel's, not the backend's RSS (SQLite reads them with read(), not mmap).
    database: {
      client: 'better-sqlite3',
      connection: {
        directory: DATABASE_DIR,
      },
    },
    config: {
      ...(MODE === 'bounded'
        ? { kratixDynamodb: { cache: { fullCacheLimit: 0 } } }
        : {}),
      catalog: {
        rules: [{ allow: ['Resource', 'Component', 'Location'] }],
        processingInterval: { minutes: 30 },
      },
    },
    features: [
      import('@kratix-dynamodb/catalog-backend-module'),
      import('../src'),
    ],
  });
}

async function catalogCount() {
  const res = await fetch(
    `${base}/catalog/entities/by-query?filter=kind=resource,spec.type=dynamodb-table&limit=1`,
    { headers },
  );
  return (await res.json()).totalItems ?? 0;
}

/** Views every request's card once; a card that does not answer 200 fails the benchmark. */
async function viewAll(names) {
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const entity = entityNameOfClusterObject({
        kind: 'resource',
        cluster: 'bench',
        namespace: 'default',
        name: names[next++],
      });
      const res = await fetch(
        `${base}/kratix-dynamodb/status/${entity.namespace}/${entity.kind}/${entity.name}`,
        { headers },
      );
      await res.arrayBuffer();
      if (res.status !== 200)
        throw new Error(`the card of ${entity.name} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
}

function measure() {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
}

async function idleCpu(ms) {
  const before = process.cpuUsage();
  await sleep(ms);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / ms;
}

/**
 * Idle CPU as the median of three windows of `ms`: one window can catch a scheduled job (the
 * provider's full sync, a batch of the catalog's re-processing) that the next two do not.
 */
async function medianIdleCpu(ms) {
  const windows = [];
  for (let i = 0; i < 3; i++) windows.push(await idleCpu(ms));
  return {
    median: [...windows].sort((a, b) => a - b)[1],
    windows,
  };
}

async function main() {
  const sandbox = await startSandboxProcess();
  const rows = [];
  try {
    const backend = await startBackend(sandbox);
    const names = [];
    for (const [step, target] of COUNTS.entries()) {
      if (target > names.length) {
        process.stderr.write(`seeding up to ${target} requests...\n`);
        names.push(
          ...(await seedDynamoDBRequests({
            url: sandbox.url,
            token: sandbox.token,
            count: target - names.length,
            prefix: `mem${step}-`,
            timeoutMs: 3_600_000,
          })),
        );
      }
      const deadline = Date.now() + 1_800_000;
      while ((await catalogCount()) < names.length) {
        if (Date.now() > deadline)
          throw new Error('the catalog never held every entity');
        await sleep(1000);
      }
      await viewAll(names);
      await sleep(10_000); // deferred catalog stitching and processing settle
      const cpu = await medianIdleCpu(10_000);
      rows.push({
        requests: names.length,
        ...measure(),
        idleCpuPct: cpu.median * 100,
        idleCpuWindowsPct: cpu.windows.map(w => Number((w * 100).toFixed(2))),
      });
      const r = rows[rows.length - 1];
      if (IDLE_PROFILE_DIR) {
        fs.mkdirSync(IDLE_PROFILE_DIR, { recursive: true });
        const file = path.join(
          IDLE_PROFILE_DIR,
          `idle-${r.requests}.cpuprofile`,
        );
        process.stderr.write(
          `idle CPU profile at ${
            r.requests
          } (${file}): ${await profileIdleWindow(10_000, file)}\n`,
        );
      }
      if (SNAPSHOT_DIR) {
        fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
        const file = path.join(SNAPSHOT_DIR, `heap-${r.requests}.heapsnapshot`);
        require('node:v8').writeHeapSnapshot(file);
        process.stderr.write(`heap snapshot: ${file}\n`);
      }
      process.stderr.write(
        `${r.requests} requests: RSS ${r.rssMb.toFixed(
          0,
        )} MB, heap ${r.heapMb.toFixed(0)} MB, idle CPU ${r.idleCpuPct.toFixed(
          2,
        )}% (median of ${r.idleCpuWindowsPct.join('%, ')}%)\n`,
      );
    }
    await backend.stop();
  } finally {
    sandbox.stop();
    fs.rmSync(DATABASE_DIR, { recursive: true, force: true });
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const perRequest = key =>
    ((last[key] - first[key]) * 1024) /
    Math.max(1, last.requests - first.requests);
  console.log(
    JSON.stringify(
      {
        mode: MODE,
        rows: rows.map(r => ({
          requests: r.requests,
          rssMb: Math.round(r.rssMb),
          heapMb: Math.round(r.heapMb),
          idleCpuPct: Number(r.idleCpuPct.toFixed(2)),
          idleCpuWindowsPct: r.idleCpuWindowsPct,
        })),
        slope: {
          rssKbPerRequest: Number(perRequest('rssMb').toFixed(1)),
          heapKbPerRequest: Number(perRequest('heapMb').toFixed(1)),
        },
      },
      null,
      2,
    ),
  );
  console.log(
    `slope: ${perRequest('rssMb').toFixed(1)} KB of RSS and ${perRequest(
      'heapMb',
    ).toFixed(1)} KB of heap per request (target: 20 KB); idle CPU at ${
      last.requests
    }: ${last.idleCpuPct.toFixed(2)}% (target: < 1%)`,
  );
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
