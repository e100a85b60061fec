#!/usr/bin/env node
/*
 * The whole test suite, once, without watch mode: every workspace package's Jest tests
 * (through backstage-cli). Extra arguments go to Jest (e.g. a path filter).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const extra = process.argv.slice(2);
/*
 * Two Jest workers per core, where backstage-cli would start two in all on a 2-core machine.
 * Most test files spend their time waiting (on a sandbox's controllers, a token's expiry, a
 * child process, PostgreSQL), not computing: on 2 cores the suite took 286 s with 2 workers,
 * 138 s with 4 and 149 s with 6 (one run each, beside the same benchmark).
 */
const workersGiven = extra.some(a =>
  /^(-w|--maxWorkers|-i|--runInBand)(=|$)/.test(a),
);
const workers = 2 * os.availableParallelism();
/*
 * backstage-cli restarts a worker whose heap passes 1000 MB after a test file. With the
 * per-worker caches of jestRuntime.js a worker's heap reaches about 1.7 GB by the end of the
 * suite, so its 4 workers became 9, and each new one loaded Backstage's module graph from
 * scratch again (about 4 s of CPU each time). The limit here lets the 4 live for the whole run
 * where memory allows it, and keeps to 60% of the machine's memory where it does not.
 */
const memoryLimitGiven = extra.some(a =>
  a.startsWith('--workerIdleMemoryLimit'),
);
const workerMemoryLimitMb = Math.min(
  3000,
  Math.floor((0.6 * os.totalmem()) / workers / 2 ** 20),
);
const args = [
  'backstage-cli',
  'repo',
  'test',
  '--watchAll=false',
  ...(workersGiven ? [] : [`--maxWorkers=${workers}`]),
  ...(memoryLimitGiven
    ? []
    : [`--workerIdleMemoryLimit=${workerMemoryLimitMb}M`]),
  ...(extra.some(a => a.startsWith('--testSequencer'))
    ? []
    : [`--testSequencer=${path.join(__dirname, 'jestSequencer.js')}`]),
  ...extra,
];
const res = spawnSync('yarn', args, {
  cwd: root,
  stdio: 'inherit',
  // Without CI, backstage-cli adds --watch and never returns.
  // client-node 1.x is ESM-only; the plugins load it with import(), which Jest only allows
  // with VM modules (as Backstage's own kubernetes-backend tests do).
  env: {
    ...process.env,
    CI: 'true',
    NODE_OPTIONS: `${
      process.env.NODE_OPTIONS ?? ''
    } --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  },
});
process.exit(res.status ?? 1);
