#!/usr/bin/env node
/*
 * The end-to-end suites, all started at once:
 *  - the browser scenarios (Chromium driven by playwright-core) against the running sample app
 *    and the sandbox cluster (e2e/run.js, scenarios in e2e/scenarios);
 *  - two replicas of the backend on one PostgreSQL, one killed mid-task (e2e/twoReplicas.js);
 *  - the packed plugins installed into a fresh create-app app by the README (e2e/newApp.js).
 * The browser scenarios and the new app both bind :3000, :7007 and :6443, so only one holds
 * them at a time: the new app packs, generates and installs its app (which binds none of them)
 * while the browser scenarios run, and boots when they are done. The two-replica run binds only
 * free ports and spends most of its five minutes waiting on a Table held CREATING.
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

const failed = [];
/**
 * Runs a suite to its end, noting a failure; its output goes straight to ours. A suite that
 * holds the fixed ports `once prepared` says `prepared` over IPC and waits for `boot`.
 */
async function run(suite) {
  const turn = suite.ports === 'none' ? undefined : queueForPorts();
  if (suite.ports === 'whole run') await turn;
  const child = spawn(process.execPath, suite.args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', message => {
    if (message === 'prepared') turn.then(() => child.send('boot'));
  });
  const code = await new Promise(resolve => child.on('exit', resolve));
  if (code !== 0) failed.push(suite.name);
  // Whether or not it got to them, the ports pass to the next suite.
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
