'use strict';
const path = require('node:path');
const { appUrl, signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { kubectl } = require('../sandboxApi');
const { nextUntil, pickOwner, taskLog } = require('../wizard');
const { openEntity, waitForStages, stageText } = require('../card');

const REQUEST = 'e2e-media';
const BUCKET = 'e2e-media-bucket';

/** The object-bucket Promise, applied as a platform engineer would; its template follows. */
async function installBucketPromise() {
  const file = path.resolve(
    __dirname,
    '../../examples/bucket-promise/promise.yaml',
  );
  const res = await kubectl(['apply', '-f', file]);
  if (res.code !== 0)
    throw new Error(`kubectl apply the bucket Promise failed: ${res.stderr}`);
  const wait = await kubectl([
    'wait',
    '--for=jsonpath={.status.status}=Available',
    'promise/object-bucket',
    '--timeout=60s',
  ]);
  if (wait.code !== 0)
    throw new Error(
      `the bucket Promise did not become Available: ${wait.stderr}`,
    );
}

/**
 * Reloads the Create page until the catalog has the template generated from the Promise (the
 * first load of the dev bundle alone can take two minutes on a busy machine).
 */
async function findTemplateCard(page, title, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(`${appUrl()}/create`);
    try {
      await page.getByText(title).first().waitFor({ timeout: 15_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`the Create page never listed "${title}"`);
    }
  }
}

module.exports = {
  name: 'a template generated from a Promise: object-bucket shows in Create, a BucketRequest is made through its form by hand, and its card shows the chain',
  async run({ context, screenshot }) {
    await installBucketPromise();
    const page = await context.newPage();
    await signInAsGuest(page);

    // The catalog's kratix-promises provider made the template from the Promise.
    await findTemplateCard(page, 'Object storage bucket');
    await screenshot(page, 'generated-template-in-create');
    await page.goto(
      `${appUrl()}/create/templates/default/sandbox-object-bucket`,
    );

    // Bucket: the fields of the Promise's API, in its form-order annotation's order.
    await page.locator('#root_name').fill(BUCKET);
    await page.locator('#root_quota').fill('5Gi');
    await page.locator('#root_versioning').check();
    await screenshot(page, 'generated-template-form');
    await nextUntil(page, 'Data protection');
    await page.locator('#root_retention_days').fill('14');
    await nextUntil(page, 'Access');
    // The list takes at least one origin once given (minItems: 1).
    const origin = page.locator('#root_corsOrigins_0');
    if (!(await origin.isVisible()))
      await page.getByRole('button', { name: /add/i }).first().click();
    await origin.fill('https://media.example.com');
    await screenshot(page, 'generated-template-access');
    await nextUntil(page, 'Where');
    await page.locator('#root_requestName').fill(REQUEST);
    await pickOwner(page, 'guests');
    await nextUntil(page, 'Readiness');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    const log = await taskLog(page);
    for (const step of ['validated', 'applied', 'ready']) {
      expect(log.includes(step), `the task log shows "${step}"`);
    }
    await screenshot(page, 'generated-template-task');

    const got = await kubectl([
      'get',
      'bucketrequest',
      REQUEST,
      '-o',
      'jsonpath={.spec.name} {.spec.quota} {.spec.versioning} {.spec.retention.days} {.spec.corsOrigins[0]}',
    ]);
    expect(
      got.stdout === `${BUCKET} 5Gi true 14 https://media.example.com`,
      `kubectl sees the BucketRequest as the form filled it (got "${got.stdout}" ${got.stderr})`,
    );

    await page.getByRole('link', { name: /open in catalog/i }).click();
    await openEntity(page, 'resource', REQUEST);
    await waitForStages(page, {
      promise: 'ok',
      request: 'ok',
      workflow: 'ok',
      table: 'skipped',
      application: 'skipped',
    });
    expect(
      (await stageText(page, 'table')).includes(
        'BucketRequest makes no DynamoDB table',
      ),
      'the table stage says why it does not apply',
    );
    await screenshot(page, 'card-bucket-request');
    await page.close();
  },
};
