'use strict';
/* Debian's Chromium, driven by playwright-core: no browser download is possible here. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The app the pages open: the sample app's build, which the sample backend serves on :7007
 * (e2e/appBuild.js). The two-replica run and the new app use their own ports (E2E_APP_URL).
 */
function appUrl() {
  return process.env.E2E_APP_URL || 'http://localhost:7007';
}

async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  const userDataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'kratix-e2e-chromium-'),
  );
  // The flags keep Chromium off the network: this machine reaches no outside host.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The first load of the dev bundle takes longer than 30 s on a busy 2-core machine.
  context.setDefaultNavigationTimeout(120_000);
  return context;
}

/** Signs in with the Guest provider, as the sample app offers. */
async function signInAsGuest(page) {
  // The dev backend restarts when sources change; a sign-in that races a restart is retried.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${appUrl()}/`);
    const enter = page.getByRole('button', { name: 'Enter' });
    const alreadyIn = page.locator('nav[aria-label="sidebar nav"]');
    await Promise.race([
      enter.waitFor({ timeout: 120_000 }),
      alreadyIn.waitFor({ state: 'attached', timeout: 120_000 }),
    ]);
    // The browser profile keeps the session between scenarios.
    if (!(await enter.isVisible())) return;
    await enter.click();
    const signedIn = page.locator('nav[aria-label="sidebar nav"]');
    const failed = page.getByText('You cannot sign in as a guest');
    await Promise.race([
      signedIn.waitFor({ state: 'attached', timeout: 60_000 }),
      failed.waitFor({ timeout: 60_000 }),
    ]);
    if (!(await failed.isVisible()) || attempt >= 3) return;
    await page.waitForTimeout(3000);
  }
}

/** The page's uncaught errors that come from our plugins (by name in the message or stack). */
function errorsFromOurPlugins(pageErrors) {
  return pageErrors.filter(e =>
    /kratix-dynamodb/i.test(`${e.message}\n${e.stack}`),
  );
}

module.exports = {
  appUrl,
  errorsFromOurPlugins,
  launchBrowser,
  signInAsGuest,
};
