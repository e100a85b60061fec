'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { installPromise, sandboxCall } = require('../sandboxApi');
const { openTemplate, activeStep, nextUntil } = require('../wizard');

const TAKEN = 'taken-orders';
const NAME = 'review-orders';
const REQUESTS =
  '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests';

/** A request made outside the wizard, as a colleague with kubectl would. */
async function requestMadeElsewhere(name) {
  const res = await sandboxCall('POST', REQUESTS, {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: { name, namespace: 'default' },
    spec: {
      name: `${name}-elsewhere`,
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{ name: 'id', type: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    },
  });
  expect(res.status === 201, `${name} was created elsewhere (${res.status})`);
}

/** Waits until the KratixDryRun field shows the cluster's verdict. */
async function dryRunOutcome(page) {
  await page.waitForFunction(
    () =>
      ['accepted', 'refused', 'unchecked'].includes(
        document.querySelector('[data-field="KratixDryRun"]')?.dataset.outcome,
      ),
    null,
    { timeout: 30_000 },
  );
  return page
    .locator('[data-field="KratixDryRun"]')
    .getAttribute('data-outcome');
}

module.exports = {
  name: "review: the cluster's dry run refuses a taken name before Review, accepts a free one on the Review page; a create that fails anyway shows its error without a trace, and Start Over brings the form back filled",
  async run({ context, screenshot }) {
    await installPromise();
    await requestMadeElsewhere(TAKEN);
    const page = await context.newPage();
    await signInAsGuest(page);
    await openTemplate(
      page,
      'DynamoDB table (Kratix)',
      'kratix-dynamodb-table',
      {
        cluster: 'sandbox',
        namespace: 'default',
        name: TAKEN,
        owner: 'group:default/guests',
        region: 'us-east-1',
        deletionPolicy: 'retain',
        waitForReady: false,
      },
    );

    // The last page asks the cluster (server-side dryRun=All): the name is taken there.
    await nextUntil(page, 'Readiness');
    expect(
      (await dryRunOutcome(page)) === 'refused',
      'the dry run says the cluster refuses',
    );
    const check = page.locator('[data-field="KratixDryRun"]');
    expect(
      (await check.innerText()).includes(
        `name: DynamoDBRequest default/${TAKEN} already exists`,
      ),
      'the refusal names the field and says the name is taken',
    );
    await page.getByRole('button', { name: 'Review' }).click();
    await page.waitForTimeout(1500);
    expect(
      (await activeStep(page)) === 'Readiness',
      'Review is refused while the cluster refuses',
    );
    await screenshot(page, 'review-dry-run-refused');

    // Another name, and the Review page shows the cluster's verdict.
    await page.locator('.MuiStepLabel-root', { hasText: 'Where' }).click();
    await page.locator('#root_name').fill(NAME);
    await nextUntil(page, 'Readiness');
    expect(
      (await dryRunOutcome(page)) === 'accepted',
      'the dry run is accepted for a free name',
    );
    await page.getByRole('button', { name: 'Review' }).click();
    await page
      .getByText(`Accepted by cluster 'sandbox'`, { exact: false })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'review-dry-run-accepted');

    // Between Review and create, a colleague takes the name: the step fails after all.
    await requestMadeElsewhere(NAME);
    await page.getByRole('button', { name: 'Request table' }).click();
    await page
      .getByText(
        /already exists on cluster 'sandbox', created by something other/,
      )
      .first()
      .waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    const taskPage = await page.locator('body').innerText();
    expect(
      taskPage.includes(
        `ConflictError: DynamoDBRequest default/${NAME} already exists`,
      ),
      'the log has the error',
    );
    expect(
      !/^\s*at .+:\d+:\d+\)?$/m.test(taskPage),
      'the task page shows no stack trace',
    );
    await screenshot(page, 'task-failed-without-trace');

    // Start Over: the form again, holding what the user entered.
    await page.getByTestId('start-over-button').click();
    await page.locator('#root_name').waitFor({ timeout: 30_000 });
    expect(
      (await page.locator('#root_name').inputValue()) === NAME,
      'Start Over brings the form back with the name entered',
    );
    await page.close();
  },
};
