#!/usr/bin/env node
/*
 * The end-to-end suites, side by side:
 *  - the browser scenarios (Chromium driven by playwright-core) against the running sample app
 *    and the sandbox cluster (e2e/run.js, scenarios in e2e/scenarios);
 *  - two replicas of the backend on one PostgreSQL, one killed mid-task (e2e/twoReplicas.js);
 *  - the packed plugins installed into a fresh create-app app by the README (e2e/newApp.js).
 * The new app packs the plugins first, alone: packing rewrites each plugin's package.json in
 * place for a moment (backstage-cli's prepack and postpack), which the other suites' dev servers
 * and backends would see. Then all three run. The browser scenarios and the new app both bind
 * :3000, :7007 and :6443, so one holds them at a time: the new app generates and installs its
 * app (in the temp folder, binding none of them) while the browser scenarios run, and boots
 * when they are done. The two-replica run binds only free ports and spends most of its five
 * minutes waiting on a Table held CREATING.
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
    ports: 'whole run',
  });
if (everything || filter === 'two-replicas')
  suites.push({
    name: 'two replicas',
    args: [path.join(dir, 'twoReplicas.js')],
    ports: 'none',
  });
if (everything || filter === 'new-app')
  suites.push({
    name: 'new app',
    args: [path.join(dir, 'newApp.js')],
    ports: 'once prepared',
    packsFirst: true,
  });

/** Settles once the suite ahead in the queue for the fixed ports has let go of them. */
let portsFree = Promise.resolve();
/** Joins the queue for the fixed ports; resolves, on this suite's turn, to its release. */
function queueForPorts() {
  let release;
  const released = new Promise(resolve => (release = resolve));
  const turn = portsFree;
  portsFree = turn.then(() => released);
  return turn.then(() => release);
}

/** Resolves when the new app has packed the plugins (at once when it does not run). */
let markPacked;
const packed = new Promise(resolve => (markPacked = resolve));
if (!suites.some(suite => suite.packsFirst)) markPacked();

const failed = [];
/**
 * Runs a suite to its end, noting a failure; its output goes straight to ours. The new app
 * tells the runner over IPC when it has `packed` and when it has `prepared` its app, and waits
 * for `boot` before it binds the fixed ports.
 */
async function run(suite) {
  // Joined before anything is awaited, so the ports go in the suites' order.
  const turn = suite.ports === 'none' ? undefined : queueForPorts();
  if (!suite.packsFirst) await packed;
  if (suite.ports === 'whole run') await turn;
  const child = spawn(process.execPath, suite.args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', message => {
    if (message === 'packed') markPacked();
    if (message === 'prepared') turn.then(() => child.send('boot'));
  });
  const code = await new Promise(resolve => child.on('exit', resolve));
  if (code !== 0) failed.push(suite.name);
  // Whether or not it got that far, the others go on.
  if (suite.packsFirst) markPacked();
  if (turn) (await turn)();
}

async function main() {
  await Promise.all(suites.map(run));
  if (suites.length > 1)
    console.log(
      `e2e: ${
        failed.length ? `failed: ${failed.join(', ')}` : 'all suites passed'
      }`,
    );
  process.exit(failed.length ? 1 : 0);
}

main();
