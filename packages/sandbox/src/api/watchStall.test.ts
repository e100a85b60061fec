import { setTimeout as sleep } from 'node:timers/promises';
import { faultsFromEnv } from '../faults/FaultSettings';
import { openWatch } from '../__testUtils__/watchStream';
import {
  api,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

/*
 * The `watchStall` fault: watches stay open and silent (no events, no bookmarks, no end), as
 * behind a proxy that stopped forwarding; what happens meanwhile is lost on them. A client has
 * to notice by itself (no bookmark for a long time, its own timeout) and re-list.
 */

const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const names = (events: Array<{ type: string; object: any }>) =>
  events.map(e => `${e.type} ${e.object.metadata.name ?? ''}`.trim());

describe('watchStall fault', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      watchBookmarkIntervalMs: 200,
    });
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('silences open and new watches until cleared; events meanwhile are lost on them', async () => {
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c0' } });
    const open = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true`,
    );
    await open.next(e => e.type === 'BOOKMARK');

    expect(
      (await api(sandbox, 'PUT', '/sandbox/faults', { watchStall: true })).body,
    ).toEqual({ watchStall: true });
    const opened = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true`,
    );
    const timingOut = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&timeoutSeconds=1`,
    );
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c1' } });
    await api(sandbox, 'POST', '/api/v1/namespaces/default/secrets', {
      metadata: { name: 's1' },
    });
    await sleep(1500);
    expect(names(open.events)).toEqual(['ADDED c0', 'BOOKMARK']);
    expect(opened.events).toEqual([]);
    expect(timingOut.events).toEqual([]);
    // Still open: a stalled stream does not even end at its timeout.
    expect([open.ended(), opened.ended(), timingOut.ended()]).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      (await api(sandbox, 'GET', '/sandbox/metrics')).body.openWatches,
    ).toBe(3);

    sandbox.faults.set({ watchStall: null });
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c2' } });
    await open.next(e => e.object.metadata.name === 'c2');
    await opened.next(e => e.object.metadata.name === 'c2');
    // c1 never arrives; nor do bookmarks, which would vouch for the lost events.
    await sleep(500);
    expect(names(open.events)).toEqual(['ADDED c0', 'BOOKMARK', 'ADDED c2']);
    expect(names(opened.events)).toEqual(['ADDED c2']);
    expect(timingOut.ended()).toBe(true);
    // A list, and a watch from it, see everything again.
    const fresh = await openWatch(sandbox, `${CONFIGMAPS}?watch=true`);
    await fresh.next(e => e.object.metadata.name === 'c2');
    expect(names(fresh.events)).toEqual(['ADDED c0', 'ADDED c1', 'ADDED c2']);
    for (const w of [open, opened, fresh]) w.close();
  }, 20_000);

  it('is read from SANDBOX_FAULT_WATCH_STALL', () => {
    expect(faultsFromEnv({ SANDBOX_FAULT_WATCH_STALL: '1' })).toEqual({
      watchStall: true,
    });
    expect(faultsFromEnv({ SANDBOX_FAULT_WATCH_STALL: '0' })).toEqual({});
  });
});
