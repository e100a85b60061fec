'use strict';
const { signInAsGuest } = require('../browser');
const { expect } = require('../expect');
const { EU_KUBECONFIG, installPromise, kubectl } = require('../sandboxApi');
const { openTemplate, nextUntil, createAfterDryRun } = require('../wizard');
const { openEntity, waitForStages } = require('../card');

const NAME = 'eu-orders';
// Made on sandbox-eu only, so the namespace list shows which cluster it comes from.
const EU_NAMESPACE = 'eu-tables';
const onEu = { kubeconfig: EU_KUBECONFIG };

/** The options the namespace picker offers, once it is a list. */
async function namespaceOptions(page, expectedOption) {
  await page.waitForFunction(
    wanted => {
      const el = document.querySelector(
        '[data-field="KubernetesNamespacePicker"]',
      );
      return (
        el?.tagName === 'SELECT' &&
        [...el.options].some(o => o.value === wanted)
      );
    },
    expectedOption,
    { timeout: 30_000 },
  );
  return page
    .locator('[data-field="KubernetesNamespacePicker"] option')
    .evaluateAll(options => options.map(o => o.value).filter(Boolean));
}

module.exports = {
  name: 'two clusters: the cluster picker offers both, the namespace list follows the chosen one, the request lands on sandbox-eu only, green',
  // scripts/dev.js starts the second sandbox and gives the backend both clusters.
  stackEnv: { KRATIX_SANDBOX_EU: '1' },
  async run({ context, screenshot }) {
    await installPromise();
    await installPromise(onEu);
    const made = await kubectl(['create', 'namespace', EU_NAMESPACE], onEu);
    expect(
      made.code === 0 || made.stderr.includes('AlreadyExists'),
      `kubectl creates namespace ${EU_NAMESPACE} on sandbox-eu (${made.stderr})`,
    );
    const page = await context.newPage();
    await signInAsGuest(page);
    // No formData in the URL: the cluster and namespace are chosen as a user would.
    await openTemplate(
      page,
      'DynamoDB table (Kratix)',
      'kratix-dynamodb-table',
    );

    const cluster = page.locator('[data-field="KratixClusterPicker"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-field="KratixClusterPicker"] option')
          .length === 3,
      null,
      { timeout: 30_000 },
    );
    const clusters = await cluster
      .locator('option')
      .evaluateAll(options => options.map(o => o.value).filter(Boolean));
    expect(
      JSON.stringify(clusters) === JSON.stringify(['sandbox', 'sandbox-eu']),
      `the cluster picker offers both clusters (got ${clusters})`,
    );
    expect(
      (await cluster.inputValue()) === '',
      'with two clusters the picker does not choose for the user',
    );

    // On sandbox the namespace list has default but not the EU-only namespace...
    await cluster.selectOption('sandbox');
    const onSandbox = await namespaceOptions(page, 'default');
    expect(
      !onSandbox.includes(EU_NAMESPACE),
      `sandbox's namespaces do not include ${EU_NAMESPACE} (got ${onSandbox})`,
    );
    // ...and switching the cluster changes the list to sandbox-eu's.
    await cluster.selectOption('sandbox-eu');
    const onEuCluster = await namespaceOptions(page, EU_NAMESPACE);
    expect(
      onEuCluster.includes('default'),
      `sandbox-eu lists its own default too (got ${onEuCluster})`,
    );
    const namespacePicker = page.locator(
      '[data-field="KubernetesNamespacePicker"]',
    );
    await namespacePicker.selectOption(EU_NAMESPACE);
    await page.locator('#root_name').fill(NAME);
    const owner = page.locator('#root_owner');
    await owner.click();
    await owner.fill('guests');
    await page
      .getByRole('option', { name: /guests/ })
      .first()
      .click();
    // A native select's open list is not in a screenshot: shown as a list box for the picture.
    await namespacePicker.evaluate(el => {
      el.size = el.options.length;
      el.style.height = 'auto';
    });
    await screenshot(page, 'picker-second-cluster');
    await namespacePicker.evaluate(el => {
      el.size = 0;
      el.style.height = '';
    });

    // The designer's default shape (one HASH key) is enough; the dry run asks sandbox-eu.
    await nextUntil(page, 'Table');
    await nextUntil(page, 'Design');
    await nextUntil(page, 'Readiness');
    const log = await createAfterDryRun(page, 'sandbox-eu', 'Request table');
    expect(log.includes('ready'), 'the task log says ready');

    // The request is on sandbox-eu, in the chosen namespace, and nowhere on sandbox.
    const onEuRequest = await kubectl(
      [
        'get',
        'dynamodbrequest',
        NAME,
        '-n',
        EU_NAMESPACE,
        '-o',
        'jsonpath={.metadata.name}',
      ],
      onEu,
    );
    expect(
      onEuRequest.stdout === NAME,
      `the DynamoDBRequest is on sandbox-eu (${onEuRequest.stderr})`,
    );
    const onSandboxRequests = await kubectl([
      'get',
      'dynamodbrequests',
      '-A',
      '-o',
      'jsonpath={.items[*].metadata.name}',
    ]);
    expect(
      onSandboxRequests.code === 0 &&
        !onSandboxRequests.stdout.split(' ').includes(NAME),
      `no DynamoDBRequest ${NAME} on sandbox (got "${onSandboxRequests.stdout}")`,
    );

    await openEntity(page, 'resource', NAME, 120_000, {
      namespace: EU_NAMESPACE,
      cluster: 'sandbox-eu',
    });
    await waitForStages(page, {
      promise: 'ok',
      request: 'ok',
      workflow: 'ok',
      table: 'ok',
    });
    await screenshot(page, 'card-second-cluster-green');
    await page.close();
  },
};
