'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { kubectl } = require('../sandboxApi');
const { openTemplate, activeStep, nextUntil } = require('../wizard');

module.exports = {
  name: "bad input: the seed's double-HASH session table is refused by field in the wizard, nothing is created",
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
        name: 'seed-sessions',
        owner: 'group:default/guests',
        tableName: 'seed-sessions',
        region: 'us-east-1',
        deletionPolicy: 'retain',
        table: {
          billingMode: 'PAY_PER_REQUEST',
          attributeDefinitions: [
            { name: 'id', type: 'S' },
            { name: 'userId', type: 'S' },
          ],
          keySchema: [
            { attributeName: 'id', keyType: 'HASH' },
            { attributeName: 'userId', keyType: 'HASH' },
          ],
        },
        waitForReady: false,
      },
    );
    await nextUntil(page, 'Design');
    // The designer checks with the request model as the action would, and Next refuses.
    const row = page.locator('[data-row="keySchema[1]"]');
    expect(
      (await row.getAttribute('data-invalid')) === 'true',
      'the second key row is marked',
    );
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(1000);
    expect(
      (await activeStep(page)) === 'Design',
      'Next is refused on the Design page',
    );
    const text = await page.locator('body').innerText();
    expect(
      text.includes('keySchema[1].keyType'),
      'the error names keySchema[1].keyType',
    );
    await screenshot(page, 'bad-input-refused');

    const got = await kubectl([
      'get',
      'dynamodbrequest',
      'seed-sessions',
      '-n',
      'default',
    ]);
    expect(
      got.code !== 0 && /NotFound|not found/.test(got.stderr),
      `kubectl finds no request (got: ${got.stdout}${got.stderr})`,
    );
    await page.close();
  },
};
