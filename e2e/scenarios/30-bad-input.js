'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { kubectl } = require('../sandboxApi');
const { openTemplate, stepThroughAndCreate, taskLog } = require('../wizard');

module.exports = {
  name: "bad input: the seed's double-HASH session table is refused by field, nothing is created",
  async run({ context, screenshot }) {
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(page, 'DynamoDB table (Kratix)', 'kratix-dynamodb-table', {
      cluster: 'sandbox',
      namespace: 'default',
      name: 'seed-sessions',
      owner: 'group:default/guests',
      tableName: 'seed-sessions',
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      deletionPolicy: 'retain',
      attributeDefinitions: [{ name: 'id', type: 'S' }, { name: 'userId', type: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }, { attributeName: 'userId', keyType: 'HASH' }],
      waitForReady: false,
    });
    await stepThroughAndCreate(page, 'Request table');
    const log = await taskLog(page);
    expect(log.includes('keySchema[1].keyType'), 'the error names keySchema[1].keyType');
    await screenshot(page, 'bad-input-refused');

    const got = await kubectl(['get', 'dynamodbrequest', 'seed-sessions', '-n', 'default']);
    expect(got.code !== 0 && /NotFound|not found/.test(got.stderr), `kubectl finds no request (got: ${got.stdout}${got.stderr})`);
    await page.close();
  },
};
