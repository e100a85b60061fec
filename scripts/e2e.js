#!/usr/bin/env node
/*
 * The end-to-end suites:
 *  - the browser scenarios (Chromium driven by playwright-core) against the running sample app
 *    and the sandbox cluster (e2e/run.js, scenarios in e2e/scenarios);
 *  - two replicas of the backend on one PostgreSQL, one killed mid-task (e2e/twoReplicas.js);
 *  - the packed plugins installed into a fresh create-app app by the README (e2e/newApp.js).
 * The browser scenarios and the new app both hold :3000, :7007 and :6443, so they run one after
 * the other; the two-replica run binds only free ports and spends most of its five minutes
 * waiting on a Table held CREATING, so it runs beside them.
 *
 *   yarn e2e                  all three (what CI runs)
 *   yarn e2e two-replicas     only the two-replica test
 *   yarn e2e new-app          only the new-app test
 *   yarn e2e <filter>         only the browser scenarios whose file name contains <filter>
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'e2e');
if (!fs.existsSync(dir)) {
  console.log(
    'e2e: no browser scenarios yet (e2e/ does not exist); nothing was run.',
  );
  process.exit(0);
}

const filter = process.argv[2];
const ownSuites = ['two-replicas', 'new-app'];
const everything = filter === undefined || filter === 'all';
const suites = [];
if (!ownSuites.includes(filter))
  suites.push({
    name: 'browser scenarios',
    args: [
      path.join(dir, 'run.js'),
      ...(everything ? [] : process.argv.slice(2)),
    ],
  });
if (everything || filter === 'two-replicas')
  suites.push({
    name: 'two replicas',
    args: [path.join(dir, 'twoReplicas.js')],
    alongside: true,
  });
if (everything || filter === 'new-app')
  suites.push({
    name: 'new app',
    args: [path.join(dir, 'newApp.js')],
  });

const failed = [];
/** Runs a suite to its end, noting a failure; a suite's output goes straight to ours. */
const run = suite =>
  new Promise(resolve => {
    const child = spawn(process.execPath, suite.args, { stdio: 'inherit' });
    child.on('exit', code => {
      if (code !== 0) failed.push(suite.name);
      resolve();
    });
  });

async function main() {
  const inTurn = async () => {
    for (const suite of suites.filter(s => !s.alongside)) await run(suite);
  };
  await Promise.all([inTurn(), ...suites.filter(s => s.alongside).map(run)]);
  if (suites.length > 1)
    console.log(
      `e2e: ${
        failed.length ? `failed: ${failed.join(', ')}` : 'all suites passed'
      }`,
    );
  process.exit(failed.length ? 1 : 0);
}

main();
