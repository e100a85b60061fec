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
 *  - Then the sample app's frontend is built once (e2e/appBuild.js), for the browser scenarios
 *    and the two-replica run, whose backends serve it. They start meanwhile, and each asks
 *    (`app-build?`) before it starts a backend that serves it.
 * Nothing else is shared: the browser scenarios alone bind fixed ports (:7007 and :6443, as
 * `yarn dev` does), the other two free ones, and no suite starts the sample app's dev server
 * (each start of one rewrites files under packages/app/node_modules that every other running
 * one watches, and those reload their pages).
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
const { buildApp, BY_RUNNER } = require('../e2e/appBuild');

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
    needsAppBuild: true,
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
    needsAppBuild: true,
  });

/** Resolves when the new app has packed the plugins (at once when it does not run). */
let markPacked;
const packed = new Promise(resolve => (markPacked = resolve));
if (!suites.some(suite => suite.packsFirst)) markPacked();

/** The app's build, once the packing is over, while the suites that need it start. */
const appBuilt = suites.some(suite => suite.needsAppBuild)
  ? packed.then(async () => {
      const started = Date.now();
      await buildApp();
      console.log(
        `e2e: the sample app built in ${((Date.now() - started) / 1000).toFixed(
          1,
        )} s`,
      );
    })
  : Promise.resolve();
// A failed build is each waiting suite's failure, reported by it.
appBuilt.catch(e =>
  console.log(`e2e: building the sample app failed: ${e.message}`),
);

const failed = [];
/** Runs a suite to its end, noting a failure; its output goes straight to ours. */
async function run(suite) {
  if (!suite.packsFirst) await packed;
  const child = spawn(process.execPath, suite.args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [BY_RUNNER]: 'runner' },
  });
  const tell = message => child.connected && child.send(message);
  child.on('message', message => {
    if (message === 'packed') markPacked();
    if (message === 'app-build?')
      appBuilt.then(
        () => tell({ appBuild: 'done' }),
        e => tell({ appBuild: 'failed', error: e.message }),
      );
  });
  const code = await new Promise(resolve => child.on('exit', resolve));
  if (code !== 0) failed.push(suite.name);
  // Whether or not it got that far, the others go on.
  if (suite.packsFirst) markPacked();
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
