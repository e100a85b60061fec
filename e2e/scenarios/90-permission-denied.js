'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { kubectl } = require('../sandboxApi');
const { openTemplate, activeStep } = require('../wizard');

module.exports = {
  name: 'permission denied: a policy that denies create leaves no cluster to choose, nothing is created',
  // Its own stack: the sample policy denies kratix.dynamodb.request.create with this setting.
  stackEnv: { KRATIX_DYNAMODB_DENY_CREATE: 'true' },
  async run({ context, screenshot }) {
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(
      page,
      'DynamoDB table (Kratix)',
      'kratix-dynamodb-table',
      {
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
      },
    );
    // The cluster picker asks the backend, which decides the permission per cluster for this
    // user: none is offered, even the one the URL names, and the form cannot go on.
    const denied = page.getByText(
      'You may not create on any cluster (kratix.dynamodb.request.create)',
    );
    await denied.waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(1000);
    expect(
      (await activeStep(page)) === 'Where',
      'Next is refused without a cluster',
    );
    await screenshot(page, 'permission-denied');
    const got = await kubectl([
      'get',
      'dynamodbrequest',
      'denied-table',
      '-n',
      'default',
    ]);
    expect(got.code !== 0, 'kubectl finds no request');
    await page.close();
  },
};
