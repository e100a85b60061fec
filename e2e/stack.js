'use strict';
/*
 * Starts the sample app's sandbox and backend the way a user does (scripts/dev.js) and waits
 * until the backend answers and serves the app. No frontend dev server (KRATIX_DEV_FRONTEND=0):
 * the backend's app plugin serves the app's build (e2e/appBuild.js), as a deployed Backstage
 * does, on the backend's own origin. The stack runs in its own process group, so stop() ends
 * all.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { appUrl } = require('./browser');

const root = path.resolve(__dirname, '..');

async function waitFor(url, ok, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (ok(res)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${last})`);
}

async function startStack({ outDir, env = {} }) {
  fs.mkdirSync(outDir, { recursive: true });
  const log = fs.openSync(path.join(outDir, 'stack.log'), 'w');
  const child = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'dev.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        KRATIX_DEV_FRONTEND: '0',
        APP_CONFIG_app_baseUrl: appUrl(),
      },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(r => setTimeout(r, 1500));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    await waitFor(
      'http://127.0.0.1:7007/api/kratix-dynamodb/health',
      r => r.ok,
      180_000,
    );
    await waitFor(appUrl(), r => r.ok, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}

module.exports = { startStack, waitFor };
