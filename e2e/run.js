'use strict';
/*
 * Runs the scenarios in e2e/scenarios, in file order, against the running sample app and
 * sandbox, the app's build served by its backend (e2e/appBuild.js). Scenarios that need another
 * setting of the sandbox or the backend (`stackEnv`) get a stack of their own. A screenshot of
 * each end state goes to e2e-output/. Prints "N passed, N failed" last.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startStack } = require('./stack');
const { launchBrowser } = require('./browser');
const { SANDBOX_PORT, SANDBOX_TOKEN } = require('./sandboxApi');
const { ensureAppBuilt } = require('./appBuild');

const outDir = path.resolve(__dirname, '..', 'e2e-output');

function loadScenarios(only) {
  return fs
    .readdirSync(path.join(__dirname, 'scenarios'))
    .filter(f => f.endsWith('.js') && (!only || f.includes(only)))
    .sort()
    .map(f => ({ file: f, ...require(path.join(__dirname, 'scenarios', f)) }));
}

/** Scenarios grouped by the stack settings they need, keeping file order within a group. */
function groupByStack(scenarios) {
  const groups = new Map();
  for (const s of scenarios) {
    const key = JSON.stringify(s.stackEnv ?? {});
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(s);
  }
  return [...groups.entries()].map(([key, list]) => ({
    env: JSON.parse(key),
    scenarios: list,
  }));
}

async function runGroup(group, tally) {
  const stack = await startStack({
    outDir,
    env: {
      KRATIX_SANDBOX_PORT: SANDBOX_PORT,
      KRATIX_SANDBOX_TOKEN: SANDBOX_TOKEN,
      ...group.env,
    },
  });
  const context = await launchBrowser();
  const screenshot = (page, name) =>
    page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  try {
    for (const scenario of group.scenarios) {
      const started = Date.now();
      try {
        await scenario.run({ context, screenshot, outDir });
        tally.passed++;
        console.log(
          `ok   ${scenario.file}: ${scenario.name} (${(
            (Date.now() - started) /
            1000
          ).toFixed(1)} s)`,
        );
      } catch (e) {
        tally.failed++;
        console.log(`FAIL ${scenario.file}: ${scenario.name}\n     ${e.stack}`);
        for (const page of context.pages()) {
          await screenshot(
            page,
            `failure-${path.basename(scenario.file, '.js')}`,
          ).catch(() => {});
        }
      }
    }
  } finally {
    await context.close();
    await stack.stop();
  }
}

async function main() {
  // The last run's screenshots and logs go; the folders beside them belong to the suites that
  // run alongside (two-replicas/, new-app/), which clear their own.
  fs.mkdirSync(outDir, { recursive: true });
  for (const entry of fs
    .readdirSync(outDir, { withFileTypes: true })
    .filter(e => e.isFile()))
    fs.rmSync(path.join(outDir, entry.name));
  const tally = { passed: 0, failed: 0 };
  await ensureAppBuilt();
  for (const group of groupByStack(loadScenarios(process.argv[2]))) {
    await runGroup(group, tally);
  }
  console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed ? 1 : 0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
