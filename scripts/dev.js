#!/usr/bin/env node
/*
 * The sample app for development: the embedded sandbox cluster (when present), then the
 * Backstage backend (:7007) and frontend (:3000). Ctrl-C stops all of them.
 */
'use strict';
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const sandboxBin = path.join(root, 'packages', 'sandbox', 'bin', 'sandbox');
const children = [];

// One token per run, shared by the sandbox and the backend's cluster config, never printed.
const env = {
  ...process.env,
  KRATIX_SANDBOX_TOKEN: process.env.KRATIX_SANDBOX_TOKEN || crypto.randomBytes(24).toString('hex'),
  KRATIX_SANDBOX_PORT: process.env.KRATIX_SANDBOX_PORT || '6443',
};
// The sandbox reads its own names for the same two settings.
env.SANDBOX_TOKEN = env.KRATIX_SANDBOX_TOKEN;
env.SANDBOX_PORT = env.KRATIX_SANDBOX_PORT;

function start(name, cmd, args) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
  child.on('error', e => {
    console.error(`[dev] could not start ${name}: ${e.message} (run through npm run dev, which installs the toolchain)`);
    shutdown(1);
  });
  child.on('exit', code => {
    console.error(`[dev] ${name} exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

if (fs.existsSync(sandboxBin)) {
  start('sandbox', process.execPath, [sandboxBin]);
}
start('backstage', 'yarn', ['backstage-cli', 'repo', 'start']);
