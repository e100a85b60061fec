'use strict';
const path = require('node:path');
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const {
  installPromise,
  kubectl,
  resetFaults,
  setFaults,
} = require('../sandboxApi');
const { openEntity, waitForStages, stageText } = require('../card');

const root = path.resolve(__dirname, '..', '..');

module.exports = {
  name: 'faults: ACK without credentials and Kratix missing show their diagnoses',
  async run({ context, screenshot }) {
    await installPromise();
    const page = await context.newPage();
    await signInAsGuest(page);
    try {
      await setFaults({ ackNoCredentials: 'recoverable' });
      const applied = await kubectl([
        'apply',
        '-f',
        path.join(root, 'examples', 'requests', 'provisioned.yaml'),
      ]);
      expect(
        applied.code === 0,
        `kubectl applies provisioned.yaml (${applied.stderr})`,
      );
      await openEntity(page, 'resource', 'orders-table');
      await waitForStages(page, { table: 'error' });
      const table = await stageText(page, 'table');
      expect(
        table.includes('UnrecognizedClientException'),
        'the table stage quotes the AWS error',
      );
      expect(
        table.includes('valid AWS credentials'),
        'the table stage says what to do',
      );
      await screenshot(page, 'card-fault-ack-credentials');

      await setFaults({ ackNoCredentials: null, kratixMissing: true });
      await waitForStages(page, { promise: 'error' }, 120_000);
      expect(
        (await stageText(page, 'promise')).includes('Kratix is not installed'),
        'the promise stage says Kratix is missing',
      );
      await screenshot(page, 'card-fault-kratix-missing');
    } finally {
      await resetFaults();
      await page.close();
    }
  },
};
