#!/usr/bin/env node
/* eslint-disable no-console */
// Start-up benchmark of the sandbox: median time from `node bin/sandbox` to "ready" on stdout,
// and resident memory once idle (with the Kratix, ACK and KubeVela controllers running).
// Usage: node bench/startup.js [runs=5]      Targets: start < 3 s, idle RSS < 150 MB.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runs = Number(process.argv[2] ?? 5);
const bin = path.join(__dirname, '..', 'bin', 'sandbox');
const IDLE_MS = 3000;

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN; // not Linux
  }
}

function startOnce() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-bench-'));
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin], {
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_DYNAMODB_PORT: '0',
        SANDBOX_KUBECONFIG: path.join(dir, 'kubeconfig'),
        SANDBOX_QUIET: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      if (!out.includes('ready in')) return;
      child.stdout.removeAllListeners('data');
      const startMs = Number(process.hrtime.bigint() - started) / 1e6;
      setTimeout(() => {
        const idleRss = rssMb(child.pid);
        const stopping = process.hrtime.bigint();
        child.once('exit', code => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve({
            startMs,
            idleRss,
            stopMs: Number(process.hrtime.bigint() - stopping) / 1e6,
            code,
          });
        });
        child.kill('SIGTERM');
      }, IDLE_MS);
    });
    child.once('error', reject);
  });
}

const median = values =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

(async () => {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce());
  const start = median(results.map(r => r.startMs));
  const rss = median(results.map(r => r.idleRss));
  const stop = median(results.map(r => r.stopMs));
  console.log(`runs: ${runs}`);
  console.log(
    `start (spawn -> ready), median: ${start.toFixed(0)} ms   [${results
      .map(r => r.startMs.toFixed(0))
      .join(', ')}]  target < 3000 ms`,
  );
  console.log(
    `idle RSS after ${IDLE_MS / 1000} s, median: ${rss.toFixed(
      1,
    )} MB  target < 150 MB`,
  );
  console.log(
    `stop on SIGTERM, median: ${stop.toFixed(0)} ms; exit codes: ${[
      ...new Set(results.map(r => r.code)),
    ].join(',')}`,
  );
  if (start >= 3000 || rss >= 150) process.exitCode = 1;
})();
