#!/usr/bin/env node
/*
 * The end-to-end suites, side by side:
 *  - the browser scenarios (Chromium driven by playwright-core) against the running sample app
 *    and the sandbox cluster (e2e/run.js, scenarios in e2e/scenarios);
 *  - two replicas of the backend on one PostgreSQL, one killed mid-task (e2e/twoReplicas.js);
 *  - the packed plugins installed into a fresh create-app app by the README (e2e/newApp.js).
 *
 * What they share decides the order:
 *  - The new app packs the plugins first, alone: packing rewrites each plugin's package.json in
 *    place for a moment (backstage-cli's prepack and postpack), which the others would read.
 *  - The fixed ports :3000, :7007 and :6443: the browser scenarios and the new app bind them.
 *  - The sample app's dev server: each start of one rewrites files under
 *    packages/app/node_modules (backstage-cli's generated plugin and shared-dependency
 *    modules), and every other running dev server of the app then rebuilds and reloads its
 *    pages, losing a half-filled form or an open card. The browser scenarios start several;
 *    the two-replica run starts one.
 * A resource goes to one suite at a time, in the order below. A suite that needs one only for
 * its last part says `prepared` over IPC when it gets there and waits for `go`: the new app
 * generates and installs its app (in the temp folder) before it needs the ports, and the
 * two-replica run does its PostgreSQL, backends and kill before it needs its frontend.
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
const PORTS = 'the fixed ports';
const APP_DEV_SERVER = "the sample app's dev server";
const suites = [];
if (!ownSuites.includes(filter))
  suites.push({
    name: 'browser scenarios',
    args: [
      path.join(dir, 'run.js'),
      ...(everything ? [] : process.argv.slice(2)),
    ],
    holds: [PORTS, APP_DEV_SERVER],
    from: 'start',
  });
if (everything || filter === 'new-app')
  suites.push({
    name: 'new app',
    args: [path.join(dir, 'newApp.js')],
    holds: [PORTS],
    from: 'prepared',
    packsFirst: true,
  });
if (everything || filter === 'two-replicas')
  suites.push({
    name: 'two replicas',
    args: [path.join(dir, 'twoReplicas.js')],
    holds: [APP_DEV_SERVER],
    from: 'prepared',
  });

/** Per resource, settles once the last suite in its queue has let go of it. */
const queues = new Map();
/** Joins a resource's queue; resolves, on this suite's turn, to its release. */
function queueFor(resource) {
  let release;
  const released = new Promise(resolve => (release = resolve));
  const turn = queues.get(resource) ?? Promise.resolve();
  queues.set(
    resource,
    turn.then(() => released),
  );
  return turn.then(() => release);
}

/** Resolves when the new app has packed the plugins (at once when it does not run). */
let markPacked;
const packed = new Promise(resolve => (markPacked = resolve));
if (!suites.some(suite => suite.packsFirst)) markPacked();

const failed = [];
/** Runs a suite to its end, noting a failure; its output goes straight to ours. */
async function run(suite) {
  // Joined before anything is awaited, so each resource goes in the suites' order.
  const turns = Promise.all(suite.holds.map(queueFor));
  if (!suite.packsFirst) await packed;
  if (suite.from === 'start') await turns;
  const child = spawn(process.execPath, suite.args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', message => {
    if (message === 'packed') markPacked();
    if (message === 'prepared') turns.then(() => child.send('go'));
  });
  const code = await new Promise(resolve => child.on('exit', resolve));
  if (code !== 0) failed.push(suite.name);
  // Whether or not it got that far, the others go on.
  if (suite.packsFirst) markPacked();
  for (const release of await turns) release();
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
