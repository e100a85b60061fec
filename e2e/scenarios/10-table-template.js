'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { installPromise, kubectl } = require('../sandboxApi');
const { openTemplate, stepThroughAndCreate, taskLog } = require('../wizard');
const { openEntity, waitForStages, stageText } = require('../card');

// The seed's "time-series" request (examples/requests/time-series.yaml), as the form holds it:
// the table's shape in the designer's value.
const timeSeries = {
  cluster: 'sandbox',
  namespace: 'default',
  name: 'device-readings',
  owner: 'group:default/guests',
  tableName: 'device-readings',
  region: 'us-west-2',
  deletionPolicy: 'retain',
  table: {
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [
      { name: 'deviceId', type: 'S' },
      { name: 'timestamp', type: 'N' },
      { name: 'sensorType', type: 'S' },
    ],
    keySchema: [
      { attributeName: 'deviceId', keyType: 'HASH' },
      { attributeName: 'timestamp', keyType: 'RANGE' },
    ],
    globalSecondaryIndexes: [
      {
        indexName: 'sensorType-timestamp-index',
        keySchema: [
          { attributeName: 'sensorType', keyType: 'HASH' },
          { attributeName: 'timestamp', keyType: 'RANGE' },
        ],
        projection: {
          projectionType: 'INCLUDE',
          nonKeyAttributes: ['value', 'unit'],
        },
      },
    ],
    timeToLive: { enabled: true, attributeName: 'expiresAt' },
  },
  tags: { team: 'iot', 'data-class': 'telemetry' },
  waitForReady: true,
  timeoutSeconds: 120,
};

module.exports = {
  name: 'table template: the time-series request from the wizard to a green card',
  async run({ context, screenshot }) {
    await installPromise();
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(
      page,
      'DynamoDB table (Kratix)',
      'kratix-dynamodb-table',
      timeSeries,
    );
    await stepThroughAndCreate(page, 'Request table');
    const log = await taskLog(page);
    for (const step of ['validated', 'applied', 'ready']) {
      expect(log.includes(step), `the task log shows "${step}"`);
    }
    await screenshot(page, 'table-template-task');

    await page.getByRole('link', { name: /open in catalog/i }).click();
    await openEntity(page, 'resource', 'device-readings');
    await waitForStages(page, {
      promise: 'ok',
      request: 'ok',
      workflow: 'ok',
      table: 'ok',
    });
    expect(
      (await stageText(page, 'table')).includes('ACTIVE'),
      'the table stage says ACTIVE',
    );
    expect(
      await page
        .getByRole('link', { name: 'Open in the AWS console' })
        .isVisible(),
      'the console link shows',
    );
    await screenshot(page, 'card-table-green');

    const got = await kubectl([
      'get',
      'table',
      'device-readings',
      '-o',
      'jsonpath={.status.tableStatus}',
    ]);
    expect(
      got.stdout === 'ACTIVE',
      `kubectl sees the ACK Table ACTIVE (got ${got.stdout})`,
    );
    await page.close();
  },
};
