import {
  api,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';
import { seedDynamoDBRequests } from '../seed/seedDynamoDBRequests';

/*
 * A cluster at rest must cost nothing: once every request has its ACTIVE table, no controller
 * reconciles and nothing is written. A Promise reconcile that re-queued itself once burned a
 * whole core forever without any test noticing; this one would.
 */

const REQUESTS = 1000;
const QUIET_MS = 5000;

type ControllerMetrics = Record<string, { reconciles: number } | undefined>;

async function reconcileCounts(
  sandbox: TestSandbox,
): Promise<Record<string, number>> {
  const { body } = await api(sandbox, 'GET', '/sandbox/metrics');
  const controllers = body.controllers as ControllerMetrics;
  return Object.fromEntries(
    ['kratix', 'ack', 'kubevela', 'workloads'].map(name => [
      name,
      controllers[name]?.reconciles ?? 0,
    ]),
  );
}

/** Waits until neither reconcile counts nor the store's revision move for `quietMs`. */
async function settle(
  sandbox: TestSandbox,
  quietMs: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify([
    await reconcileCounts(sandbox),
    sandbox.operations.store.resourceVersion,
  ]);
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline)
      throw new Error(`still busy after ${timeoutMs} ms: ${last}`);
    await new Promise(r => setTimeout(r, 200));
    const now = JSON.stringify([
      await reconcileCounts(sandbox),
      sandbox.operations.store.resourceVersion,
    ]);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
}

describe('a sandbox at rest', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ createTableMs: 20 });
  });
  afterAll(() => sandbox.stop());

  it(`reconciles nothing and writes nothing once the Promise and ${REQUESTS} requests have settled`, async () => {
    await seedDynamoDBRequests({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
      count: REQUESTS,
      timeoutMs: 150_000,
    });
    // Status writes after the last table turned ACTIVE (request status, Application health) may
    // still be in flight; a short quiet period first, then the 5 s that must see nothing at all.
    await settle(sandbox, 1000, 30_000);
    const before = await reconcileCounts(sandbox);
    const revision = sandbox.operations.store.resourceVersion;
    const cpuBefore = process.cpuUsage();
    await new Promise(r => setTimeout(r, QUIET_MS));
    const cpu = process.cpuUsage(cpuBefore);

    expect(await reconcileCounts(sandbox)).toEqual(before);
    expect(sandbox.operations.store.resourceVersion).toBe(revision);
    // The test process hosts the sandbox: at rest it uses (far) less than 5% of a core.
    expect((cpu.user + cpu.system) / 1000 / QUIET_MS).toBeLessThan(0.05);
  }, 240_000);
});
