'use strict';
/*
 * The sample app's frontend as a deployed Backstage serves it: built once
 * (`backstage-cli package build` in packages/app, into packages/app/dist) and served by the
 * sample backend's app plugin, with the backend's config put into its index.html.
 *
 * The browser scenarios and the two-replica run open the app there rather than on the dev
 * server: a page of the production build costs Chromium about a third of the CPU of the dev
 * bundle's (1.2-2 s against 4.5 s per load here), the build takes about 25 s of CPU once
 * where each dev server compiled for about 40 s, and a backend restarted with other settings
 * serves the same build. The dev server is what the new app runs (e2e/newApp.js).
 *
 * scripts/e2e.js builds it once for the suites that use it, while they start
 * (KRATIX_E2E_APP_BUILD=runner), and answers a suite's `app-build?` once it is done. A suite
 * run on its own builds it itself.
 */
const path = require('node:path');
const { root, runToEnd } = require('./processes');

const BY_RUNNER = 'KRATIX_E2E_APP_BUILD';

/** Builds the app into packages/app/dist; rejects with the build's output when it fails. */
async function buildApp() {
  await runToEnd(
    'yarn',
    ['backstage-cli', 'package', 'build'],
    path.join(root, 'packages', 'app'),
  );
}

/**
 * Resolves once the app's build is there: built here, or by scripts/e2e.js for this run. A
 * backend's app plugin looks for the build when it starts, so this comes before that.
 */
async function ensureAppBuilt() {
  if (process.env[BY_RUNNER] !== 'runner' || !process.send) {
    await buildApp();
    return;
  }
  await new Promise((resolve, reject) => {
    const listener = message => {
      if (!message?.appBuild) return;
      process.off('message', listener);
      if (message.appBuild === 'done') resolve();
      else reject(new Error(message.error));
    };
    process.on('message', listener);
    process.send('app-build?');
  });
}

module.exports = { buildApp, ensureAppBuilt, BY_RUNNER };
