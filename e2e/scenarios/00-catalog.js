'use strict';
const { signInAsGuest } = require('../browser');

module.exports = {
  name: 'sign in as Guest and reach the catalog',
  async run({ context, screenshot }) {
    const page = await context.newPage();
    await signInAsGuest(page);
    await page
      .getByRole('heading', { name: 'Kratix DynamoDB sample Catalog' })
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'catalog');
    await page.close();
  },
};
