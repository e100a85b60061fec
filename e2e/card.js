'use strict';
/* Reads the kratix-dynamodb card on an entity page. */
const { appUrl } = require('./browser');

/**
 * The page of the entity the catalog module makes for a cluster object: in the object's
 * namespace, named `<object name>_<cluster>` (entityRefOfClusterObject in
 * @kratix-dynamodb/common; the names here are short enough never to be shortened).
 */
function entityPath(kind, name, namespace = 'default', cluster = 'sandbox') {
  return `/catalog/${namespace}/${kind}/${name}_${cluster}`;
}

/**
 * Opens the entity page, reloading until the catalog has the entity (the catalog module adds
 * it within seconds of the object's creation). `where` names another namespace or cluster than
 * default on sandbox.
 */
async function openEntity(page, kind, name, timeoutMs = 120_000, where = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(
      `${appUrl()}${entityPath(kind, name, where.namespace, where.cluster)}`,
    );
    const card = page.getByText('DynamoDB provisioning');
    // The catalog's answer for an entity it does not have yet: reload soon, as a user would.
    const notYet = page.getByText('Entity not found');
    // Each wait settles on its own (the one that loses the race times out later, unheard).
    const shown = await Promise.race([
      card.waitFor({ timeout: 15_000 }).then(
        () => 'card',
        () => 'neither',
      ),
      notYet.waitFor({ timeout: 15_000 }).then(
        () => 'not yet',
        () => 'neither',
      ),
    ]);
    if (shown === 'card') return;
    if (Date.now() > deadline)
      throw new Error(
        `the entity page of ${kind}:${name} never showed the card`,
      );
    if (shown === 'not yet') await page.waitForTimeout(1000);
  }
}

/** Waits until every listed stage is in the wanted state (the card polls the backend). */
async function waitForStages(page, wanted, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = {};
  while (Date.now() < deadline) {
    seen = {};
    for (const id of Object.keys(wanted)) {
      seen[id] = await page
        .getByTestId(`stage-${id}`)
        .getAttribute('data-state', { timeout: 5_000 })
        .catch(() => undefined);
    }
    if (Object.entries(wanted).every(([id, state]) => seen[id] === state))
      return;
    await page
      .getByLabel('Refresh status')
      .click()
      .catch(() => {});
    await page.waitForTimeout(1000);
  }
  throw new Error(
    `stages never reached ${JSON.stringify(wanted)}; last seen ${JSON.stringify(
      seen,
    )}`,
  );
}

/**
 * Waits, touching nothing, until every listed stage is in the wanted state: the card must get
 * there by itself (signals). Returns how long it took, in ms.
 */
async function waitForStagesLive(page, wanted, timeoutMs) {
  const started = Date.now();
  let seen = {};
  while (Date.now() - started < timeoutMs) {
    seen = await page.evaluate(ids => {
      const states = {};
      for (const id of ids)
        states[id] = document
          .querySelector(`[data-testid="stage-${id}"]`)
          ?.getAttribute('data-state');
      return states;
    }, Object.keys(wanted));
    if (Object.entries(wanted).every(([id, state]) => seen[id] === state))
      return Date.now() - started;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `the open card never showed ${JSON.stringify(
      wanted,
    )} by itself; last seen ${JSON.stringify(seen)}`,
  );
}

const stageText = (page, id) => page.getByTestId(`stage-${id}`).innerText();

module.exports = {
  entityPath,
  openEntity,
  waitForStages,
  waitForStagesLive,
  stageText,
};
