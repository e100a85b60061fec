#!/usr/bin/env node
/*
 * The whole test suite, once, without watch mode: every workspace package's Jest tests
 * (through backstage-cli). Extra arguments go to Jest (e.g. a path filter).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = [
  'backstage-cli',
  'repo',
  'test',
  '--watchAll=false',
  ...process.argv.slice(2),
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
