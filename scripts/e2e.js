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
 *  - A start of the sample app's dev server: each start of one rewrites files under
 *    packages/app/node_modules (backstage-cli's generated plugin and shared-dependency
 *    modules), and every other running dev server of the app then rebuilds and reloads its
 *    pages, losing a half-filled form or an open card. The browser scenarios start theirs once,
 *    first, and keep it while their groups restart the sandbox and backend; the two-replica run
 *    starts one for its card, and may do so only while no page of the scenarios is open.
 * Ports are not shared: the browser scenarios alone bind the fixed ones (:3000, :7007, :6443,
 * as `yarn dev` does); the other two bind free ones.
 *
 * The turns at the dev server (e2e/turnToGoOn.js): the browser scenarios hold it from their
 * start. The two-replica run says `prepared` once its backends are up, waits for `go`, and
 * says `done-with-turn` once its frontend is built. Between two groups (no page open) the
 * browser scenarios say `between-groups`: a suite waiting for its turn has it then, and the
 * scenarios go on (`go-on`) once it is done with it.
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
    devServerFrom: 'start',
  });
if (everything || filter === 'new-app')
  suites.push({
    name: 'new app',
    args: [path.join(dir, 'newApp.js')],
    packsFirst: true,
  });
if (everything || filter === 'two-replicas')
  suites.push({
    name: 'two replicas',
    args: [path.join(dir, 'twoReplicas.js')],
    devServerFrom: 'prepared',
  });

/**
 * One suite at a time holds a resource; the others wait in the order they asked. The holder
 * can lend it to the suites waiting, each in turn, and has it back when they give it back.
 */
function createResource() {
  let holder;
  let lender;
  let givenBack;
  const waiting = [];
  const giveToNext = () => {
    if (holder || !waiting.length) return;
    const next = waiting.shift();
    holder = next.suite;
    next.grant();
  };
  return {
    acquire: suite =>
      new Promise(grant => {
        waiting.push({ suite, grant });
        giveToNext();
      }),
    release(suite) {
      // One that ended while waiting leaves the line; one that lent it takes it back no more.
      const queued = waiting.findIndex(w => w.suite === suite);
      if (queued >= 0) waiting.splice(queued, 1);
      if (lender === suite) {
        lender = undefined;
        givenBack();
      }
      if (holder !== suite) return;
      if (lender) {
        holder = lender;
        lender = undefined;
        givenBack();
        return;
      }
      holder = undefined;
      giveToNext();
    },
    async lendToWaiting(suite) {
      while (holder === suite && waiting.length) {
        const next = waiting.shift();
        lender = suite;
        holder = next.suite;
        const back = new Promise(resolve => (givenBack = resolve));
        next.grant();
        await back;
      }
    },
  };
}
const devServer = createResource();

/** Resolves when the new app has packed the plugins (at once when it does not run). */
let markPacked;
const packed = new Promise(resolve => (markPacked = resolve));
if (!suites.some(suite => suite.packsFirst)) markPacked();

const failed = [];
/** Runs a suite to its end, noting a failure; its output goes straight to ours. */
async function run(suite) {
  // The suite that holds the dev server from its start asks before anything is awaited.
  const held =
    suite.devServerFrom === 'start' ? devServer.acquire(suite.name) : undefined;
  if (!suite.packsFirst) await packed;
  await held;
  const child = spawn(process.execPath, suite.args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const tell = message => child.connected && child.send(message);
  child.on('message', async message => {
    if (message === 'packed') markPacked();
    if (message === 'prepared')
      devServer.acquire(suite.name).then(() => tell('go'));
    if (message === 'done-with-turn') devServer.release(suite.name);
    if (message === 'between-groups') {
      await devServer.lendToWaiting(suite.name);
      tell('go-on');
    }
  });
  const code = await new Promise(resolve => child.on('exit', resolve));
  if (code !== 0) failed.push(suite.name);
  // Whether or not it got that far, the others go on.
  if (suite.packsFirst) markPacked();
  devServer.release(suite.name);
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
