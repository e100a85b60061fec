'use strict';
/* Drives the scaffolder wizard: open a template with a prefilled form, step through, create. */
const { appUrl } = require('./browser');
const { expect } = require('./expect');

/**
 * Opens the template from the Create page (as a user would find it), with `formData` prefilled
 * through the URL the scaffolder itself uses for "start over"; without it, as a user starts.
 */
async function openTemplate(page, title, templateName, formData) {
  await page.goto(`${appUrl()}/create`);
  await page.getByText(title).first().waitFor({ timeout: 60_000 });
  const query = formData
    ? `?${new URLSearchParams({ formData: JSON.stringify(formData) })}`
    : '';
  await page.goto(
    `${appUrl()}/create/templates/default/${templateName}${query}`,
  );
}

/** The title of the wizard's current page. */
async function activeStep(page) {
  return (
    await page.locator('.MuiStepLabel-active').first().innerText()
  ).trim();
}

/** Clicks Next until the page titled `title` shows. */
async function nextUntil(page, title) {
  for (let i = 0; i < 10 && (await activeStep(page)) !== title; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(300);
  }
  expect(
    (await activeStep(page)) === title,
    `the wizard reached the "${title}" page`,
  );
}

/** Chooses the owner in the form's OwnerPicker (`#root_owner`) by typing and picking it. */
async function pickOwner(page, name) {
  const owner = page.locator('#root_owner');
  await owner.click();
  await owner.fill(name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .click();
}

/** Clicks Next until the Review page, then the create button. */
async function stepThroughAndCreate(page, createLabel) {
  for (let i = 0; i < 10; i++) {
    const review = page.getByRole('button', { name: 'Review' });
    if (await review.isVisible()) {
      await review.click();
      break;
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForTimeout(300);
  }
  await page.getByRole('button', { name: createLabel }).click();
}

/**
 * On the Readiness page: waits until the chosen cluster's dry run accepts, opens Review, which
 * must name that cluster in the verdict, creates, and returns the task log.
 */
async function createAfterDryRun(page, cluster, createLabel) {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-field="KratixDryRun"]')?.dataset.outcome ===
      'accepted',
    null,
    { timeout: 30_000 },
  );
  await page.getByRole('button', { name: 'Review' }).click();
  await page
    .getByText(`Accepted by cluster '${cluster}'`, { exact: false })
    .waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: createLabel }).click();
  return taskLog(page);
}

/** Waits for the task to end and returns its log text (the Show Logs view). */
async function taskLog(page, timeoutMs = 180_000) {
  await page
    .getByRole('button', { name: /Show Logs/i })
    .click({ timeout: 60_000 });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await page.locator('body').innerText();
    // The scaffolder ends each step's log with "Finished step", or reports the error.
    if (
      /Finished step|Step .* failed|\bError\b|NotAllowedError|InputError/i.test(
        text,
      )
    )
      return text;
    await page.waitForTimeout(1000);
  }
  expect(false, 'the task did not finish in time');
  return '';
}

module.exports = {
  openTemplate,
  activeStep,
  nextUntil,
  pickOwner,
  stepThroughAndCreate,
  createAfterDryRun,
  taskLog,
};
