#!/usr/bin/env node
/* eslint-disable no-console */
// Idle benchmark of the sandbox: CPU used by the sandbox process at rest, (1) bare and (2) with
// the Promise applied and N DynamoDBRequests turned into ACTIVE ACK Tables, measured from
// /proc/<pid>/stat over several windows once everything has settled. Reports the median share of
// one core. Target: under 1% of a core with the Promise and 1,000 requests.
// Usage: node bench/idle.js [--count 1000] [--windows 5] [--window-s 10]
require('@backstage/cli/config/nodeTransform.cjs');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { seedDynamoDBRequests } = require('../src/seed/seedDynamoDBRequests');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 1000);
const WINDOWS = arg('windows', 5);
const WINDOW_MS = arg('window-s', 10) * 1000;
const SETTLE_MS = 5000;
const TICKS_PER_S = 100; // USER_HZ on Linux

const sleep = ms => new Promise(r => setTimeout(r, ms));
const median = v => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

function startSandboxProcess() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-idle-'));
  const token = `idle-bench-${process.pid}`;
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'bin', 'sandbox')],
    {
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_DYNAMODB_PORT: '0',
        SANDBOX_KUBECONFIG: path.join(dir, 'kubeconfig'),
        SANDBOX_TOKEN: token,
        SANDBOX_CREATE_TABLE_MS: '20',
        SANDBOX_QUIET: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      // The API server's port speaks plain HTTP too, which is simpler for fetch.
      const url = /API server:\s+https:\/\/(127\.0\.0\.1:\d+)/.exec(out);
      if (!out.includes('ready in') || !url) return;
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        pid: child.pid,
        url: `http://${url[1]}`,
        token,
        stop: () =>
          new Promise(done => {
            child.once('exit', () => {
              fs.rmSync(dir, { recursive: true, force: true });
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('error', reject);
    child.once('exit', code =>
      reject(new Error(`sandbox exited with ${code}`)),
    );
  });
}

async function idleShare(pid) {
  await sleep(SETTLE_MS);
  const shares = [];
  for (let i = 0; i < WINDOWS; i++) {
    const before = cpuSeconds(pid);
    await sleep(WINDOW_MS);
    shares.push((cpuSeconds(pid) - before) / (WINDOW_MS / 1000));
  }
  return shares;
}

const pct = share => `${(share * 100).toFixed(2)}%`;

(async () => {
  const sandbox = await startSandboxProcess();
  try {
    const bare = await idleShare(sandbox.pid);
    console.log(
      `bare sandbox, idle CPU (median of ${WINDOWS} x ${
        WINDOW_MS / 1000
      } s): ${pct(median(bare))} of a core   [${bare.map(pct).join(', ')}]`,
    );
    const seeding = Date.now();
    await seedDynamoDBRequests({
      url: sandbox.url,
      token: sandbox.token,
      count: COUNT,
    });
    console.log(
      `Promise + ${COUNT} requests -> ${COUNT} ACTIVE tables in ${(
        (Date.now() - seeding) /
        1000
      ).toFixed(1)} s`,
    );
    const loaded = await idleShare(sandbox.pid);
    const share = median(loaded);
    console.log(
      `with the Promise and ${COUNT} requests and tables, idle CPU: ${pct(
        share,
      )} of a core   [${loaded.map(pct).join(', ')}]   target < 1%`,
    );
    if (share >= 0.01) process.exitCode = 1;
  } finally {
    await sandbox.stop();
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
