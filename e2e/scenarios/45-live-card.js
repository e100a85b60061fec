'use strict';
const path = require('node:path');
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const {
  installPromise,
  kubectl,
  resetFaults,
  sandboxCall,
  setFaults,
} = require('../sandboxApi');
const { openEntity, waitForStagesLive } = require('../card');

const root = path.resolve(__dirname, '..', '..');

/** When the sandbox's ACK first reports the Table ACTIVE, seen from outside by polling it. */
async function whenTableActive(name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await sandboxCall(
      'GET',
      `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/default/tables/${name}`,
    );
    if (res.body?.status?.tableStatus === 'ACTIVE') return Date.now();
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`the Table ${name} never became ACTIVE`);
}

module.exports = {
  name: 'live card: an open card turns from progressing to ok when the Table becomes ACTIVE, then to error when ACK breaks, with no reload',
  // Tables stay CREATING long enough for the card to be seen progressing.
  stackEnv: { SANDBOX_CREATE_TABLE_MS: '15000' },
  async run({ context, screenshot }) {
    await installPromise();
    const page = await context.newPage();
    await signInAsGuest(page);
    try {
      const applied = await kubectl([
        'apply',
        '-f',
        path.join(root, 'examples', 'requests', 'simple.yaml'),
      ]);
      expect(
        applied.code === 0,
        `kubectl applies simple.yaml (${applied.stderr})`,
      );
      const active = whenTableActive('simple-table', 120_000);
      await openEntity(page, 'resource', 'simple-table');
      await waitForStagesLive(page, { table: 'progressing' }, 15_000);
      // A marker that a reload would wipe: the card must change under the user's eyes.
      await page.evaluate(() => {
        window.__openedOnce = true;
      });
      await screenshot(page, 'card-live-progressing');

      await waitForStagesLive(page, { table: 'ok' }, 60_000);
      const lagMs = Date.now() - (await active);
      expect(
        lagMs < 2_000,
        `the card turned ok ${lagMs} ms after the Table became ACTIVE (under 2 s)`,
      );
      await screenshot(page, 'card-live-ok');

      const broken = Date.now();
      await setFaults({ ackNoCredentials: 'recoverable' });
      await waitForStagesLive(page, { table: 'error' }, 10_000);
      const errorLagMs = Date.now() - broken;
      expect(
        errorLagMs < 2_000,
        `the card turned error ${errorLagMs} ms after ACK lost its credentials (under 2 s)`,
      );
      expect(
        await page.evaluate(() => window.__openedOnce === true),
        'the page was never reloaded',
      );
      await screenshot(page, 'card-live-error');
      console.log(
        `     live card: ok ${lagMs} ms after ACTIVE, error ${errorLagMs} ms after the fault`,
      );
    } finally {
      await resetFaults();
      await page.close();
    }
  },
};
