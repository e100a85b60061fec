'use strict';
/*
 * A card open in Chromium while the replica behind it restarts.
 *
 * The page is the app's build as B serves it, and talks to B only: it stays loaded while B is
 * down, as a tab does when the replica behind it goes. With the card showing the request's chain, B is stopped (SIGTERM, as a rolling update does) and:
 *  - while B is down, the user presses Refresh: the card keeps every stage it showed and says
 *    that the last refresh failed;
 *  - while B is down, ACK loses its AWS credentials;
 *  - B starts again: the card shows the Table's error by itself, the change made while it was
 *    down included;
 *  - the credentials come back right away, while the browser's signals connection is still
 *    reconnecting: the card shows it anyway (its catch-up reads);
 *  - a minute later ACK loses them again: the card shows it within seconds, which only a signal
 *    can do by then, so the signals connection is back too.
 */
const fs = require('node:fs');
const {
  errorsFromOurPlugins,
  launchBrowser,
  signInAsGuest,
} = require('../browser');
const { openEntity, waitForStagesLive } = require('../card');
const { eventually } = require('../processes');

/** The card's reads after a recovered failure go on this long (useLiveStatusChain's catchUpMs). */
const CATCH_UP_MS = 60_000;
/** A change through signals: the Table's reconcile by ACK plus the signal, well under this. */
const SIGNAL_WITHIN_MS = 6_000;

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
 * received and closed, with times, to a file and in memory, so that a card that stops
 * following changes can be told apart from a backend that stops sending them.
 */
function recordWebSockets(page, file) {
  const started = Date.now();
  const lines = [];
  const write = line => {
    lines.push({ at: Date.now(), line });
    fs.appendFileSync(
      file,
      `${((Date.now() - started) / 1000).toFixed(1)} s ${line}\n`,
    );
  };
  page.on('websocket', ws => {
    write(`open ${ws.url().replace(/\?.*/, '')}`);
    ws.on('framesent', f => write(`sent ${String(f.payload).slice(0, 200)}`));
    ws.on('framereceived', f =>
      write(`received ${String(f.payload).slice(0, 200)}`),
    );
    ws.on('socketerror', e => write(`error ${e}`));
    ws.on('close', () => write('closed'));
  });
  return {
    mark: write,
    /** Whether the page subscribed to `channel` again since `since` (ms). */
    subscribedSince: (channel, since) =>
      lines.some(
        l =>
          l.at >= since &&
          l.line.startsWith('sent ') &&
          l.line.includes('"subscribe"') &&
          l.line.includes(channel),
      ),
  };
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
    const pageErrors = [];
    page.on('pageerror', e => {
      pageErrors.push(e);
      log(
        `the page threw: ${String(e.stack ?? e)
          .split('\n', 4)
          .join(' | ')}`,
      );
    });
    const sockets = recordWebSockets(page, webSocketLog);
    const { mark } = sockets;
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

    // Fixed while the card's signals connection may still be reconnecting: the card's
    // catch-up reads after the failed ones must find it.
    const channel = `kratix-dynamodb:status:resource:default/${requestName}`;
    const signalsBackFirst = sockets.subscribedSince(channel, upAt);
    await kube('DELETE', '/sandbox/faults');
    mark('-- credentials back');
    const fixedMs = await waitForStagesLive(
      page,
      { table: 'ok' },
      60_000,
    ).catch(e => {
      problems.push(`a change right after the restart: ${e.message}`);
      return undefined;
    });

    // Once the catch-up reads are over (a minute), only a signal can bring the next change
    // within seconds: the card's keep-alive read is 5 minutes away.
    await eventually(
      'the card to subscribe to its signals again',
      async () => sockets.subscribedSince(channel, upAt),
      60_000,
    ).catch(() =>
      problems.push('the card never subscribed to its signals again'),
    );
    await new Promise(r =>
      setTimeout(r, Math.max(0, upAt + CATCH_UP_MS + 8_000 - Date.now())),
    );
    mark('-- ACK loses its credentials again');
    await kube('PUT', '/sandbox/faults', { ackNoCredentials: 'recoverable' });
    const liveMs = await waitForStagesLive(
      page,
      { table: 'error' },
      SIGNAL_WITHIN_MS,
    ).catch(e => {
      problems.push(
        `a change a minute after the restart (through signals, within ${
          SIGNAL_WITHIN_MS / 1000
        } s): ${e.message}`,
      );
      return undefined;
    });
    const ours = errorsFromOurPlugins(pageErrors);
    if (ours.length)
      problems.push(
        `the page threw from our plugin: ${ours.map(e => e.stack).join('\n')}`,
      );
    return { problems, caughtUpMs, fixedMs, signalsBackFirst, liveMs };
  } finally {
    await kube('DELETE', '/sandbox/faults').catch(() => {});
    await context.close();
  }
}

module.exports = { cardAcrossRestart };
