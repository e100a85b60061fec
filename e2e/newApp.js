'use strict';
/*
 * The plugins installed into someone else's Backstage app.
 *
 *  1. The six plugin packages are built and packed as they would be published
 *     (e2e/newApp/packPlugins.js), and a registry for @kratix-dynamodb serves the tarballs on
 *     127.0.0.1 (e2e/newApp/localRegistry.js), beside better-sqlite3's prebuilt binary
 *     (e2e/newApp/prebuiltBinaries.js).
 *  2. A fresh stock app is generated with @backstage/create-app (its default template, the new
 *     frontend system) under the system's temp folder, installed, and the README's
 *     installation section is followed word for word (e2e/newApp/generateApp.js).
 *  3. The app is booted with `yarn start` against the sandbox cluster (config in its
 *     app-config.local.yaml), which holds the Promise and a DynamoDBRequest, and Chromium
 *     shows the card on the request's entity.
 *
 *   node e2e/newApp.js            (or: yarn e2e new-app)
 *
 * Under `yarn e2e` (scripts/e2e.js) the other suites start once step 1 is done (it says
 * `packed`). Every port it binds is a free one (the app's two through its
 * app-config.local.yaml), so it runs beside the browser scenarios, which hold :3000, :7007
 * and :6443.
 * Logs and the screenshot go to e2e-output/new-app/. It takes long (a fresh app's install): see
 * the timings it prints.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const {
  root,
  sleep,
  startGroup,
  startSandboxWithPromise,
  eventually,
} = require('./processes');
const { packPlugins } = require('./newApp/packPlugins');
const { startLocalRegistry } = require('./newApp/localRegistry');
const { packPrebuiltBinaries } = require('./newApp/prebuiltBinaries');
const { generateApp } = require('./newApp/generateApp');
const { freePort } = require('../scripts/postgres');
const { appUrl, errorsFromOurPlugins, launchBrowser } = require('./browser');
const { openEntity, waitForStages } = require('./card');

const outDir = path.join(root, 'e2e-output', 'new-app');
const appDir = path.join(os.tmpdir(), 'kratix-create-app-e2e');
const REQUEST_FILE = path.join(
  root,
  'examples',
  'requests',
  'provisioned.yaml',
);

const started = Date.now();
const log = line =>
  console.log(
    `[new-app ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`,
  );
const minutes = ms => `${(ms / 60_000).toFixed(1)} min`;

/** The sandbox on a free port, holding the Promise and one request. */
async function startSandbox(groups, token) {
  const { base, kube } = await startSandboxWithPromise({
    outDir,
    groups,
    port: await freePort(),
    token,
    env: { SANDBOX_DYNAMODB_PORT: String(await freePort()) },
  });
  const request = YAML.parse(fs.readFileSync(REQUEST_FILE, 'utf8'));
  const requests = `/apis/dynamodb.kratix.io/v1alpha1/namespaces/${request.metadata.namespace}/dynamodbrequests`;
  const created = await kube('POST', requests, request);
  if (created.status !== 201)
    throw new Error(
      `the sandbox refused ${REQUEST_FILE}: ${JSON.stringify(created.body)}`,
    );
  return { base, request };
}

/**
 * Signs in with the Guest provider of the new app's sign-in page; the page then leaves for the
 * app, whose layout is the stock one, not the sample app's.
 */
async function signInAsGuest(page) {
  await page.goto(`${appUrl()}/`);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 120_000 });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: 60_000 });
}

/**
 * The app's local config: the sandbox as its cluster, as the README's Configuration shows, and
 * free ports for the app's frontend and backend (loopback only), as a developer whose :3000 and
 * :7007 are taken sets them. The browser scenarios hold those two meanwhile.
 */
function pointAppAtSandbox(base, token, ports) {
  const frontend = `http://localhost:${ports.frontend}`;
  fs.writeFileSync(
    path.join(appDir, 'app-config.local.yaml'),
    YAML.stringify({
      app: { baseUrl: frontend },
      backend: {
        baseUrl: `http://localhost:${ports.backend}`,
        listen: { port: ports.backend, host: '127.0.0.1' },
        cors: { origin: frontend },
      },
      kratixDynamodb: {
        clusters: [
          { name: 'sandbox', url: base, auth: { serviceAccountToken: token } },
        ],
      },
    }),
  );
  // Read by appUrl(), for the pages this run opens.
  process.env.E2E_APP_URL = frontend;
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, 'steps.log');
  const timings = {};
  const groups = [];
  let registry;
  let context;
  try {
    let t = Date.now();
    // .ci/run has just type-checked (KRATIX_E2E_TYPES_CHECKED=1), which wrote dist-types.
    const tarballs = await packPlugins(path.join(outDir, 'tarballs'), {
      typeCheck: process.env.KRATIX_E2E_TYPES_CHECKED !== '1',
    });
    timings.pack = Date.now() - t;
    log(`packed ${tarballs.length} packages in ${minutes(timings.pack)}`);
    // Under scripts/e2e.js the other suites start now: no package.json changes any more.
    process.send?.('packed');
    const prebuilt = packPrebuiltBinaries(path.join(outDir, 'prebuilds'));
    registry = await startLocalRegistry(tarballs, prebuilt.files);

    const generated = await generateApp({
      appDir,
      registryUrl: registry.baseUrl,
      installEnv: prebuilt.env(registry.baseUrl),
      logFile,
    });
    Object.assign(timings, generated.timings);
    log(
      `create-app ${minutes(timings.createApp ?? 0)}, yarn install ${minutes(
        timings.install ?? 0,
      )}, the README's steps ${minutes(
        timings.readmeSteps,
      )}: ${generated.steps.join('; ')}`,
    );

    const token = crypto.randomBytes(16).toString('hex');
    const { base, request } = await startSandbox(groups, token);
    const ports = { frontend: await freePort(), backend: await freePort() };
    pointAppAtSandbox(base, token, ports);
    t = Date.now();
    const app = startGroup(outDir, 'app', 'yarn', ['start'], {
      cwd: appDir,
      env: { ...process.env, BROWSER: 'none' },
    });
    groups.push(app);
    // Readiness, not a plugin's route: a plugin that fails to start fails the whole backend.
    const readiness = `http://127.0.0.1:${ports.backend}/.backstage/health/v1/readiness`;
    await eventually(
      'the new app',
      async () => (await fetch(readiness)).ok && (await fetch(appUrl())).ok,
      600_000,
      2000,
    );
    timings.boot = Date.now() - t;
    log(
      `the new app answers on :${ports.frontend} and :${
        ports.backend
      } after ${minutes(timings.boot)}`,
    );

    t = Date.now();
    context = await launchBrowser();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(e));
    try {
      await signInAsGuest(page);
      await openEntity(page, 'resource', request.metadata.name);
      await waitForStages(page, { request: 'ok', table: 'ok' });
    } finally {
      // The dev server's error overlay (react-refresh's, or webpack's) covers the page.
      await page.evaluate(() =>
        document
          .querySelectorAll(
            '#react-refresh-overlay, #webpack-dev-server-client-overlay, body > iframe',
          )
          .forEach(overlay => overlay.remove()),
      );
      await page.screenshot({
        path: path.join(outDir, 'card-in-new-app.png'),
        fullPage: true,
      });
    }
    const ours = errorsFromOurPlugins(pageErrors);
    if (ours.length)
      throw new Error(
        `the page threw from our plugin: ${ours.map(e => e.stack).join('\n')}`,
      );
    if (pageErrors.length)
      log(
        `the page threw ${pageErrors.length} errors, none from our plugin; the first: ${pageErrors[0].message}`,
      );
    timings.card = Date.now() - t;
    log(
      `the card shows ${request.metadata.name}'s chain in the new app; ` +
        `in all ${minutes(Date.now() - started)}`,
    );
  } finally {
    await context?.close().catch(() => {});
    await registry?.close();
    for (const g of groups) g.signal('SIGTERM');
    await sleep(3000);
    for (const g of groups) g.signal('SIGKILL');
  }
}

main().then(
  () => {
    console.log('new-app: 1 passed, 0 failed');
    process.exit(0);
  },
  e => {
    console.log(`FAIL new-app: ${e.stack ?? e}`);
    console.log('new-app: 0 passed, 1 failed (logs in e2e-output/new-app/)');
    process.exit(1);
  },
);
