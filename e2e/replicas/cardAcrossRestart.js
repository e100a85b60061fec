'use strict';
/*
 * A card open in Chromium while the replica behind it restarts.
 *
 * The frontend (the sample app's dev server on :3000) talks to replica B only. With the card
 * showing the request's chain, B is stopped (SIGTERM, as a rolling update does) and:
 *  - while B is down, the user presses Refresh: the card keeps every stage it showed and says
 *    that the last refresh failed;
 *  - while B is down, ACK loses its AWS credentials;
 *  - B starts again: the card shows the Table's error by itself, the change made while it was
 *    down included, and later changes still reach it (the credentials come back).
 */
const fs = require('node:fs');
const path = require('node:path');
const { launchBrowser, signInAsGuest } = require('../browser');
const { openEntity, waitForStagesLive } = require('../card');
const { root, startGroup, eventually } = require('../processes');

const FRONTEND = 'http://localhost:3000';

/** The sample app's frontend dev server, pointed at one backend. */
async function startFrontend(outDir, backendPort, env) {
  const frontend = startGroup(
    outDir,
    'frontend',
    'yarn',
    ['backstage-cli', 'package', 'start'],
    {
      cwd: path.join(root, 'packages', 'app'),
      env: {
        ...env,
        BROWSER: 'none',
        APP_CONFIG_backend_baseUrl: `http://localhost:${backendPort}`,
      },
    },
  );
  frontend.ready = eventually(
    'the frontend dev server',
    async () => (await fetch(FRONTEND)).ok,
    300_000,
  );
  return frontend;
}

const stageStates = page =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="stage-"]')].map(el => [
        el.getAttribute('data-testid').slice('stage-'.length),
        el.getAttribute('data-state'),
      ]),
    ),
  );

/**
 * Records the page's WebSocket traffic (the signals connection): what was opened, sent,
 * received and closed, with times, so that a card that stops following changes can be told
 * apart from a backend that stops sending them.
 */
function recordWebSockets(page, file) {
  const started = Date.now();
  const write = line =>
    fs.appendFileSync(
      file,
      `${((Date.now() - started) / 1000).toFixed(1)} s ${line}\n`,
    );
  page.on('websocket', ws => {
    write(`open ${ws.url().replace(/\?.*/, '')}`);
    ws.on('framesent', f => write(`sent ${String(f.payload).slice(0, 200)}`));
    ws.on('framereceived', f =>
      write(`received ${String(f.payload).slice(0, 200)}`),
    );
    ws.on('socketerror', e => write(`error ${e}`));
    ws.on('close', () => write('closed'));
  });
  return write;
}

/**
 * @param options.stopB stops B (SIGTERM) and resolves, once it is gone, to a function that
 *   starts it again and resolves when it is ready
 * @param options.kube calls the sandbox's API
 * @returns figures for the report
 */
async function cardAcrossRestart({
  requestName,
  stopB,
  kube,
  log,
  screenshot,
  webSocketLog,
}) {
  const context = await launchBrowser();
  const problems = [];
  try {
    const page = await context.newPage();
    const mark = recordWebSockets(page, webSocketLog);
    await signInAsGuest(page);
    await openEntity(page, 'resource', requestName);
    await waitForStagesLive(page, { table: 'ok' }, 60_000);
    const before = await stageStates(page);
    log(`the card shows ${JSON.stringify(before)}`);

    const startB = await stopB();
    mark('-- B stopped');
    log('B stopped (SIGTERM) with the card open');
    await page.getByLabel('Refresh status').click();
    await page
      .getByText('The last refresh failed')
      .waitFor({ timeout: 30_000 })
      .catch(() =>
        problems.push('the card did not say that its refresh failed'),
      );
    const whileDown = await stageStates(page);
    if (JSON.stringify(whileDown) !== JSON.stringify(before))
      problems.push(
        `a refresh while B was down changed the card from ${JSON.stringify(
          before,
        )} to ${JSON.stringify(whileDown)}`,
      );
    await screenshot(page, 'two-replicas-card-backend-down');

    await kube('PUT', '/sandbox/faults', { ackNoCredentials: 'recoverable' });
    await eventually(
      'the Table to lose its credentials',
      async () =>
        (
          await kube('GET', '/apis/dynamodb.services.k8s.aws/v1alpha1/tables')
        ).body.items?.some(t =>
          t.status?.conditions?.some(
            c => c.type === 'ACK.Recoverable' && c.status === 'True',
          ),
        ),
      60_000,
    );
    log('ACK lost its credentials while B was down');

    await startB();
    mark('-- B ready');
    const upAt = Date.now();
    log('B is ready again');
    const caughtUpMs = await waitForStagesLive(page, { table: 'error' }, 90_000)
      .then(() => Date.now() - upAt)
      .catch(e => {
        problems.push(`after the restart: ${e.message}`);
        return undefined;
      });
    await screenshot(page, 'two-replicas-card-after-restart');

    await kube('DELETE', '/sandbox/faults');
    mark('-- credentials back');
    const liveMs = await waitForStagesLive(page, { table: 'ok' }, 60_000).catch(
      e => {
        problems.push(`a change after the restart: ${e.message}`);
        return undefined;
      },
    );
    return { problems, caughtUpMs, liveMs };
  } finally {
    await kube('DELETE', '/sandbox/faults').catch(() => {});
    await context.close();
  }
}

module.exports = { startFrontend, cardAcrossRestart };
