'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { kubectl } = require('../sandboxApi');
const { openTemplate, stepThroughAndCreate, taskLog } = require('../wizard');

module.exports = {
  name: 'permission denied: a policy that denies create stops the task, nothing is created',
  // Its own stack: the sample policy denies kratix.dynamodb.request.create with this setting.
  stackEnv: { KRATIX_DYNAMODB_DENY_CREATE: 'true' },
  async run({ context, screenshot }) {
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(page, 'DynamoDB table (Kratix)', 'kratix-dynamodb-table', {
      cluster: 'sandbox',
      namespace: 'default',
      name: 'denied-table',
      owner: 'group:default/guests',
      tableName: 'denied-table',
      region: 'us-east-1',
      deletionPolicy: 'retain',
      table: {
        billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      },
      waitForReady: false,
    });
    await stepThroughAndCreate(page, 'Request table');
    const log = await taskLog(page);
    expect(log.includes('kratix.dynamodb.request.create'), 'the task says which permission was denied');
    await screenshot(page, 'permission-denied');
    const got = await kubectl(['get', 'dynamodbrequest', 'denied-table', '-n', 'default']);
    expect(got.code !== 0, 'kubectl finds no request');
    await page.close();
  },
};
