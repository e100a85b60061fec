#!/usr/bin/env node
/*
 * The sample app for development: the embedded sandbox cluster (when present), then the
 * Backstage backend (:7007) and frontend (:3000). Ctrl-C stops all of them.
 *
 * The backend's database is in-memory SQLite, or with KRATIX_DB=postgres an embedded
 * PostgreSQL (data in .sandbox/postgres, port KRATIX_POSTGRES_PORT, default 5432). Its data
 * survives a restart when the sandbox's does (SANDBOX_PERSIST=1); otherwise both start empty.
 *
 * KRATIX_SANDBOX_EU=1 starts a second sandbox cluster, `sandbox-eu` (port KRATIX_SANDBOX_EU_PORT,
 * default 6444; kubeconfig .sandbox/kubeconfig-eu; its DynamoDB on 8001), with the Promise
 * applied, and gives the backend both clusters, so the wizard's pickers have a choice.
 *
 * KRATIX_DEV_FRONTEND=0 starts no frontend: for a frontend that is already running and stays up
 * while the backend and sandbox restart with other settings (the browser scenarios do that).
 */
'use strict';
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const sandboxBin = path.join(root, 'packages', 'sandbox', 'bin', 'sandbox');
const children = [];
let postgres;

// One token per run, shared by the sandbox and the backend's cluster config, never printed.
const env = {
  ...process.env,
  KRATIX_SANDBOX_TOKEN:
    process.env.KRATIX_SANDBOX_TOKEN || crypto.randomBytes(24).toString('hex'),
  KRATIX_SANDBOX_PORT: process.env.KRATIX_SANDBOX_PORT || '6443',
};
// The sandbox reads its own names for the same two settings.
env.SANDBOX_TOKEN = env.KRATIX_SANDBOX_TOKEN;
env.SANDBOX_PORT = env.KRATIX_SANDBOX_PORT;

function start(name, cmd, args, childEnv = env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
  });
  child.on('error', e => {
    console.error(
      `[dev] could not start ${name}: ${e.message} (run through npm run dev, which installs the toolchain)`,
    );
    shutdown(1);
  });
  child.on('exit', code => {
    console.error(`[dev] ${name} exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // PostgreSQL goes last, once the backend has had time to close its connections.
  setTimeout(async () => {
    await postgres?.stop().catch(() => {});
    process.exit(code);
  }, 2000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

/**
 * Plays the platform engineer's one-time step on a sandbox: apply the aws-dynamodb-kratix
 * Promise, so the templates work at once; then, on the first sandbox only, the team's sample
 * app. KRATIX_SANDBOX_BARE=1 leaves the clusters empty.
 */
async function installPromise(cluster) {
  const YAML = require('yaml');
  const base = `http://127.0.0.1:${cluster.port}`;
  const headers = {
    Authorization: `Bearer ${cluster.token}`,
    'Content-Type': 'application/json',
  };
  const promise = YAML.parse(
    fs.readFileSync(
      path.join(root, 'examples', 'kratix-promise', 'promise.yaml'),
      'utf8',
    ),
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const res = await fetch(
        `${base}/apis/platform.kratix.io/v1alpha1/promises`,
        { method: 'POST', headers, body: JSON.stringify(promise) },
      );
      if (res.ok || res.status === 409) {
        console.error(
          `[dev] the aws-dynamodb-kratix Promise is installed on ${cluster.name}`,
        );
        if (!cluster.first) return;
        await createSessionApiSecret(base, headers);
        if (process.env.KRATIX_SAMPLE_APP !== '0')
          await deploySampleApp(base, headers);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  console.error(
    `[dev] could not install the Promise on ${cluster.name}; apply examples/kratix-promise/promise.yaml yourself`,
  );
}

/**
 * And the team's one-time step: the session-api-auth Secret in `default`, whose key the
 * session-api checks bearer tokens with (the session app template and example read it).
 */
async function createSessionApiSecret(base, headers) {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'session-api-auth', namespace: 'default' },
    data: {
      'jwt-secret': Buffer.from(
        crypto.randomBytes(32).toString('hex'),
      ).toString('base64'),
    },
  };
  const res = await fetch(`${base}/api/v1/namespaces/default/secrets`, {
    method: 'POST',
    headers,
    body: JSON.stringify(secret),
  });
  if (res.ok || res.status === 409)
    console.error(
      '[dev] the session-api-auth Secret exists in namespace default',
    );
  else
    console.error(
      `[dev] could not create the session-api-auth Secret (HTTP ${res.status}); see examples/session-api/README.md`,
    );
}

/**
 * The first look: a session-api already running with its table, part of the catalog's
 * `sessions` System (examples/catalog), so a newcomer's catalog is not empty and the card is
 * one click away. It is examples/kubevela/session-management-app.yaml as it is, plus the
 * annotation that puts its catalog entity in the System. KRATIX_SAMPLE_APP=0 leaves it out.
 */
async function deploySampleApp(base, headers) {
  const YAML = require('yaml');
  const app = YAML.parse(
    fs.readFileSync(
      path.join(root, 'examples', 'kubevela', 'session-management-app.yaml'),
      'utf8',
    ),
  );
  app.metadata.annotations = {
    ...app.metadata.annotations,
    'kratix-dynamodb.io/system': 'sessions',
  };
  const res = await fetch(
    `${base}/apis/core.oam.dev/v1beta1/namespaces/default/applications`,
    { method: 'POST', headers, body: JSON.stringify(app) },
  );
  if (res.ok || res.status === 409)
    console.error(
      `[dev] the sample app ${app.metadata.name} runs on the sandbox (System sessions in the catalog)`,
    );
  else
    console.error(
      `[dev] could not deploy the sample app (HTTP ${res.status}); kubectl apply -f examples/kubevela/session-management-app.yaml`,
    );
}

/** KRATIX_DB=postgres: starts the embedded PostgreSQL and points the backend at it. */
async function startDatabase() {
  const kind = process.env.KRATIX_DB || 'sqlite';
  if (kind === 'sqlite') return;
  if (kind !== 'postgres')
    throw new Error(`KRATIX_DB must be sqlite or postgres, not ${kind}`);
  const { startPostgres, backendDatabaseEnv } = require('./postgres');
  const sandboxDir = path.join(root, '.sandbox');
  fs.mkdirSync(sandboxDir, { recursive: true });
  const log = fs.createWriteStream(path.join(sandboxDir, 'postgres.log'), {
    flags: 'a',
  });
  const persist =
    env.SANDBOX_PERSIST === '1' || Boolean(env.SANDBOX_PERSIST_DIR);
  postgres = await startPostgres({
    dataDir: path.join(sandboxDir, 'postgres'),
    port: Number(process.env.KRATIX_POSTGRES_PORT || 5432),
    fresh: !persist,
    log: line => log.write(`${line}\n`),
  });
  Object.assign(env, backendDatabaseEnv(postgres.connection));
  const kept = persist
    ? 'kept across restarts'
    : 'fresh each start; SANDBOX_PERSIST=1 keeps it';
  console.error(
    `[dev] PostgreSQL on 127.0.0.1:${postgres.port}, data in .sandbox/postgres (${kept})`,
  );
}

/**
 * KRATIX_SANDBOX_EU=1: a second sandbox, `sandbox-eu`, with its own port, token, kubeconfig
 * and DynamoDB, and the backend's cluster list replaced (through Backstage's APP_CONFIG_
 * environment config) by both sandboxes. Returns the second cluster's settings.
 */
function secondSandbox() {
  const eu = {
    name: 'sandbox-eu',
    port: process.env.KRATIX_SANDBOX_EU_PORT || '6444',
    token:
      process.env.KRATIX_SANDBOX_EU_TOKEN ||
      crypto.randomBytes(24).toString('hex'),
  };
  const euEnv = {
    ...env,
    SANDBOX_PORT: eu.port,
    SANDBOX_TOKEN: eu.token,
    SANDBOX_KUBECONFIG: path.join(root, '.sandbox', 'kubeconfig-eu'),
    SANDBOX_DYNAMODB_PORT:
      process.env.KRATIX_SANDBOX_EU_DYNAMODB_PORT || '8001',
  };
  // Persisted state must not be shared: each sandbox keeps its own.
  if (euEnv.SANDBOX_PERSIST_DIR)
    euEnv.SANDBOX_PERSIST_DIR = `${euEnv.SANDBOX_PERSIST_DIR}-eu`;
  else if (euEnv.SANDBOX_PERSIST === '1')
    euEnv.SANDBOX_PERSIST_DIR = path.join(root, '.sandbox', 'state-eu');
  start('sandbox-eu', process.execPath, [sandboxBin], euEnv);
  const cluster = (name, port, token) => ({
    name,
    url: `http://127.0.0.1:${port}`,
    auth: { serviceAccountToken: token },
  });
  // Read by the backend only: kratixDynamodb.clusters is not visible to the frontend.
  env.APP_CONFIG_kratixDynamodb_clusters = JSON.stringify([
    cluster('sandbox', env.KRATIX_SANDBOX_PORT, env.KRATIX_SANDBOX_TOKEN),
    cluster(eu.name, eu.port, eu.token),
  ]);
  return eu;
}

async function main() {
  await startDatabase();
  if (fs.existsSync(sandboxBin)) {
    start('sandbox', process.execPath, [sandboxBin]);
    const clusters = [
      {
        name: 'sandbox',
        port: env.KRATIX_SANDBOX_PORT,
        token: env.KRATIX_SANDBOX_TOKEN,
        first: true,
      },
    ];
    if (process.env.KRATIX_SANDBOX_EU === '1') clusters.push(secondSandbox());
    if (process.env.KRATIX_SANDBOX_BARE !== '1')
      for (const cluster of clusters) installPromise(cluster);
  }
  // `repo start` with no package starts the app and the backend; naming one starts only it.
  const only = process.env.KRATIX_DEV_FRONTEND === '0' ? ['backend'] : [];
  start('backstage', 'yarn', ['backstage-cli', 'repo', 'start', ...only]);
}

main().catch(e => {
  console.error(`[dev] ${e.message}`);
  shutdown(1);
});
