'use strict';
/*
 * The processes the e2e runs start: children in their own process groups with their logs
 * in a folder, sample backends started from their sources, the sandbox cluster, and the
 * waiting and calling the runs do against them.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * A child in its own process group, so that one signal reaches everything it started. Its
 * output goes to `<outDir>/<name>.log`, appended to, so a restarted process keeps one log.
 */
function startGroup(outDir, name, cmd, args, options) {
  const out = fs.openSync(path.join(outDir, `${name}.log`), 'a');
  const child = spawn(cmd, args, {
    ...options,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const exited = new Promise(resolve => child.once('exit', resolve));
  const signal = sig => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    signal,
    exited,
    logFile: path.join(outDir, `${name}.log`),
  };
}

/** Runs a command to its end; resolves to its output, or rejects with it when it fails. */
function runToEnd(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(output)
        : reject(
            new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${output}`),
          ),
    );
  });
}

async function eventually(what, check, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
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
function startBackend(outDir, name, port, env) {
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  const args = ['--enable-source-maps', '--require', transform, 'src/index.ts'];
  const backend = startGroup(outDir, name, process.execPath, args, {
    cwd: path.join(root, 'packages', 'backend'),
    env: {
      ...env,
      NODE_ENV: 'development',
      APP_CONFIG_backend_listen_port: String(port),
      // Backstage listens on every interface unless told; a test binds loopback only.
      APP_CONFIG_backend_listen_host: '127.0.0.1',
      APP_CONFIG_backend_baseUrl: `http://localhost:${port}`,
    },
  });
  backend.port = port;
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

/**
 * The sandbox cluster as its own process (in the group list `groups`), with the DynamoDB
 * Promise applied and its API served. Resolves to its URL and a caller of its API.
 */
async function startSandboxWithPromise({ outDir, groups, port, token, env }) {
  groups.push(
    startGroup(
      outDir,
      'sandbox',
      process.execPath,
      [path.join(root, 'packages', 'sandbox', 'bin', 'sandbox')],
      {
        cwd: root,
        env: {
          ...process.env,
          SANDBOX_PORT: String(port),
          SANDBOX_TOKEN: token,
          SANDBOX_KUBECONFIG: path.join(outDir, 'kubeconfig'),
          ...env,
        },
      },
    ),
  );
  const base = `http://127.0.0.1:${port}`;
  const kube = (method, urlPath, body) =>
    call(base, method, urlPath, { token, body });
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
  await eventually(
    'the DynamoDBRequest API',
    async () =>
      (
        await kube('GET', '/apis/dynamodb.kratix.io/v1alpha1/dynamodbrequests')
      ).status === 200,
    30_000,
  );
  return { base, kube };
}

module.exports = {
  runToEnd,
  startSandboxWithPromise,
  root,
  sleep,
  startGroup,
  eventually,
  call,
  startBackend,
  ready,
};
