'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { installPromise, kubectl } = require('../sandboxApi');
const {
  openTemplate,
  activeStep,
  nextUntil,
  createAfterDryRun,
} = require('../wizard');
const { entityPath, openEntity, waitForStages } = require('../card');

const NAME = 'designer-orders';

module.exports = {
  name: 'table designer: filled by hand, a second HASH key refused at its row, fixed, previewed, created, green',
  async run({ context, screenshot }) {
    await installPromise();
    const page = await context.newPage();
    await signInAsGuest(page);
    // No formData in the URL: everything below is typed and chosen as a user would.
    await openTemplate(
      page,
      'DynamoDB table (Kratix)',
      'kratix-dynamodb-table',
    );

    // Where: the cluster picker offers the one cluster this user may create on, and takes it.
    const cluster = page.locator('[data-field="KratixClusterPicker"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-field="KratixClusterPicker"]')?.value ===
        'sandbox',
      null,
      { timeout: 30_000 },
    );
    expect(
      (await cluster.inputValue()) === 'sandbox',
      'the cluster picker chose sandbox',
    );
    // The namespace picker is a list once the namespaces arrive, or text if they cannot be listed.
    const namespace = page.locator('[data-field="KubernetesNamespacePicker"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-field="KubernetesNamespacePicker"]')
          ?.tagName === 'SELECT' ||
        document.body.innerText.includes('Namespaces could not be listed'),
      null,
      { timeout: 30_000 },
    );
    if ((await namespace.evaluate(el => el.tagName)) === 'SELECT')
      await namespace.selectOption('default');
    else await namespace.fill('default');
    await page.locator('#root_name').fill(NAME);
    const owner = page.locator('#root_owner');
    await owner.click();
    await owner.fill('guests');
    await page
      .getByRole('option', { name: /guests/ })
      .first()
      .click();

    // Table: the name is left empty, so it defaults to the request name.
    await nextUntil(page, 'Table');
    await nextUntil(page, 'Design');

    // Design: a second key, made HASH by mistake.
    await page.getByRole('button', { name: 'Add sort key' }).click();
    await page
      .locator('[data-path="keySchema[1].attributeName"]')
      .fill('createdAt');
    await page
      .locator('[data-path="keySchema[1].attributeType"]')
      .selectOption('N');
    await page
      .locator('[data-path="keySchema[1].keyType"]')
      .selectOption('HASH');
    const row = page.locator('[data-row="keySchema[1]"]');
    expect(
      (await row.getAttribute('data-invalid')) === 'true',
      'the second key row is marked',
    );
    expect(
      (await row.innerText()).includes('must be RANGE'),
      'the row says the key must be RANGE',
    );
    expect(
      (await page
        .locator('[data-row="keySchema[0]"]')
        .getAttribute('data-invalid')) === 'false',
      'the first row is not',
    );
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(1000);
    expect(
      (await activeStep(page)) === 'Design',
      'Next is refused while the design is invalid',
    );
    expect(
      (await page.locator('body').innerText()).includes('keySchema[1].keyType'),
      'the refusal names keySchema[1].keyType',
    );

    // Fixed: the preview shows the request and the ACK Table it becomes.
    await page
      .locator('[data-path="keySchema[1].keyType"]')
      .selectOption('RANGE');
    expect(
      (await row.getAttribute('data-invalid')) === 'false',
      'the row is no longer marked',
    );
    const request = await page.getByLabel('DynamoDBRequest YAML').innerText();
    expect(
      request.includes(`name: ${NAME}`) && request.includes('keyType: RANGE'),
      'the request preview has the table name and the sort key',
    );
    const table = await page.getByLabel('ACK Table YAML').innerText();
    expect(
      table.includes('kind: Table') &&
        table.includes('attributeName: createdAt'),
      'the ACK Table preview has the sort key',
    );
    await screenshot(page, 'table-designer');

    // The last page asks the cluster for a dry run; the Review page shows its verdict.
    await nextUntil(page, 'Readiness');
    const log = await createAfterDryRun(page, 'sandbox', 'Request table');
    expect(log.includes('ready'), 'the task log says ready');

    // The output links to the entity, and to its DynamoDB tab (the chain in full).
    expect(
      (
        await page
          .getByRole('link', { name: 'Provisioning status' })
          .getAttribute('href')
      )?.endsWith(`${entityPath('resource', NAME)}/dynamodb`),
      'the output links to the provisioning status',
    );
    await page.getByRole('link', { name: /open in catalog/i }).click();
    await openEntity(page, 'resource', NAME);
    await waitForStages(page, {
      promise: 'ok',
      request: 'ok',
      workflow: 'ok',
      table: 'ok',
    });
    const got = await kubectl([
      'get',
      'table',
      NAME,
      '-o',
      'jsonpath={.spec.keySchema[1].attributeName}',
    ]);
    expect(
      got.stdout === 'createdAt',
      `the ACK Table has the sort key (got ${got.stdout})`,
    );
    await page.close();
  },
};
