#!/usr/bin/env node
/*
 * Browser end-to-end tests (Chromium driven by playwright-core) against the running sample
 * app and the sandbox cluster. The scenarios live in e2e/; none is written yet.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'e2e');
if (!fs.existsSync(dir)) {
  console.log('e2e: no browser scenarios yet (e2e/ does not exist); nothing was run.');
  process.exit(0);
}
require(path.join(dir, 'run.js'));
