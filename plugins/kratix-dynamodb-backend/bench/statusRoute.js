#!/usr/bin/env node
'use strict';
/*
 * Benchmark of GET /api/kratix-dynamodb/status/... on a real backend (catalog, permissions,
 * this plugin) against a sandbox cluster holding N DynamoDBRequests and their Tables:
 * latency at C concurrent callers, Kubernetes API calls per 1,000 status requests once the
 * cache is warm (from the sandbox's request counts), and the backend process's memory.
 *
 *   yarn workspace @kratix-dynamodb/backend bench [--count 1000] [--concurrency 50] [--requests 2000]
 */
// Per-request access logs would cost more than the route itself.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
require('@backstage/cli/config/nodeTransform.cjs');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { seedCluster } = require('./seedCluster');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 1000);
const CONCURRENCY = arg('concurrency', 50);
const REQUESTS = arg('requests', 2000);
const BACKEND_PORT = arg('port', 7117);
const SERVICE_TOKEN = 'bench-static-token-0123456789';

async function startSandboxProcess() {
  const child = spawn(process.execPath, [path.join(__dirname, 'benchSandbox.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', code => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { ...JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

function writeCatalog(names) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kratix-bench-'));
  const file = path.join(dir, 'entities.yaml');
  fs.writeFileSync(file, names.map(name => `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  annotations:
    kratix-dynamodb.io/cluster: bench
    kratix-dynamodb.io/request: default/${name}
spec:
  type: dynamodb-table
  owner: guests
`).join('---\n'));
  return file;
}

async function startBackend(sandbox, catalogFile) {
  const { createBackend } = require('@backstage/backend-defaults');
  const { coreServices, createServiceFactory } = require('@backstage/backend-plugin-api');
  const { ConfigReader } = require('@backstage/config');
  const config = new ConfigReader({
    backend: {
      baseUrl: `http://127.0.0.1:${BACKEND_PORT}`,
      listen: { port: BACKEND_PORT, host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: { externalAccess: [{ type: 'static', options: { token: SERVICE_TOKEN, subject: 'bench' } }] },
    },
    catalog: {
      rules: [{ allow: ['Resource', 'Location'] }],
      locations: [{ type: 'file', target: catalogFile }],
    },
    permission: { enabled: true },
    kratixDynamodb: { clusters: [{ name: 'bench', url: sandbox.url, auth: { serviceAccountToken: sandbox.token } }] },
  });
  const backend = createBackend();
  backend.add(createServiceFactory({ service: coreServices.rootConfig, deps: {}, factory: () => config }));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
  backend.add(import('../src'));
  await backend.start();
  return backend;
}

const statusUrl = name => `http://127.0.0.1:${BACKEND_PORT}/api/kratix-dynamodb/status/default/resource/${name}`;
const get = url => fetch(url, { headers: { Authorization: `Bearer ${SERVICE_TOKEN}` } });

async function waitForCatalog(names) {
  const deadline = Date.now() + 300_000;
  for (const name of [names[0], names[names.length - 1]]) {
    while ((await get(statusUrl(name))).status !== 200) {
      if (Date.now() > deadline) throw new Error('the catalog did not ingest the entities in 5 minutes');
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

async function load(names, total) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < total) {
      const name = names[next++ % names.length];
      const started = process.hrtime.bigint();
      const res = await get(statusUrl(name));
      const body = await res.json();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.status !== 200 || body.overall !== 'ok') failures++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const pct = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: pct(50), p99: pct(99), perSecond: total / ((Date.now() - started) / 1000), failures };
}

const apiCalls = async sandbox =>
  (await (await fetch(`${sandbox.url}/sandbox/metrics`, { headers: { Authorization: `Bearer ${sandbox.token}` } })).json()).requests.total;

async function main() {
  const sandbox = await startSandboxProcess();
  try {
    process.stderr.write(`seeding ${COUNT} requests and tables...\n`);
    const names = await seedCluster({ url: sandbox.url, token: sandbox.token, count: COUNT });
    const backend = await startBackend(sandbox, writeCatalog(names));
    process.stderr.write('waiting for the catalog...\n');
    await waitForCatalog(names);
    await load(names, Math.min(500, REQUESTS)); // warm the caches and the JIT
    const before = await apiCalls(sandbox);
    const result = await load(names, REQUESTS);
    const callsPer1000 = (((await apiCalls(sandbox)) - before) / REQUESTS) * 1000;
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(JSON.stringify({ objects: COUNT, concurrency: CONCURRENCY, requests: REQUESTS, ...result, k8sCallsPer1000StatusRequests: callsPer1000, backendRssMb: Math.round(rssMb), backendHeapMb: Math.round(heapMb) }, null, 2));
    await backend.stop();
  } finally {
    sandbox.stop();
  }
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
