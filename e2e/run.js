'use strict';
/*
 * Runs every scenario in e2e/scenarios against one running stack, in file order, and saves a
 * screenshot of each end state to e2e-output/. Prints "N passed, N failed" last.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startStack } = require('./stack');
const { launchBrowser } = require('./browser');

const outDir = path.resolve(__dirname, '..', 'e2e-output');

async function main() {
  const only = process.argv[2];
  const scenarios = fs
    .readdirSync(path.join(__dirname, 'scenarios'))
    .filter(f => f.endsWith('.js') && (!only || f.includes(only)))
    .sort()
    .map(f => ({ file: f, ...require(path.join(__dirname, 'scenarios', f)) }));

  const { SANDBOX_PORT, SANDBOX_TOKEN } = require('./sandboxApi');
  const stack = await startStack({
    outDir,
    env: { KRATIX_SANDBOX_PORT: SANDBOX_PORT, KRATIX_SANDBOX_TOKEN: SANDBOX_TOKEN },
  });
  const context = await launchBrowser();
  const screenshot = async (page, name) => {
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  };
  let passed = 0;
  let failed = 0;
  try {
    for (const scenario of scenarios) {
      const started = Date.now();
      try {
        await scenario.run({ context, screenshot, outDir });
        passed++;
        console.log(`ok   ${scenario.file}: ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${scenario.file}: ${scenario.name}\n     ${e.stack}`);
        for (const page of context.pages()) {
          await screenshot(page, `failure-${path.basename(scenario.file, '.js')}`).catch(() => {});
        }
      }
    }
  } finally {
    await context.close();
    await stack.stop();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
