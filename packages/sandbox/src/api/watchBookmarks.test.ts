import { setTimeout as sleep } from 'node:timers/promises';
import { openWatch } from '../__testUtils__/watchStream';
import {
  api,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

/*
 * BOOKMARK events for clients that ask (`allowWatchBookmarks=true`, as client-go's reflector
 * and client-node's informers do): one after the initial events, later ones only when the store
 * moved on without the watch hearing of it, and a client can resume from their resourceVersion.
 */

const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const isBookmark = (e: { type: string }) => e.type === 'BOOKMARK';

describe('watch bookmarks', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      watchBookmarkIntervalMs: 300,
    });
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c0' } });
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('sends a bookmark after the initial events, then only when something happened', async () => {
    const watch = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true`,
    );
    const first = await watch.next(isBookmark);
    expect(watch.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'c0' } },
    });
    expect(first.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: {
        resourceVersion: String(
          (await api(sandbox, 'GET', CONFIGMAPS)).body.metadata.resourceVersion,
        ),
      },
    });

    // A Secret moves the store on; this watch hears of it by a bookmark, once.
    const secret = await api(
      sandbox,
      'POST',
      '/api/v1/namespaces/default/secrets',
      {
        metadata: { name: 's1' },
      },
    );
    const later = await watch.next(isBookmark, { from: 2 });
    expect(later.object.metadata.resourceVersion).toBe(
      secret.body.metadata.resourceVersion,
    );
    await sleep(900);
    expect(watch.events.filter(isBookmark)).toHaveLength(2);

    // A delivered event needs no bookmark after it.
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c1' } });
    await watch.next(
      e => e.type === 'ADDED' && e.object.metadata.name === 'c1',
    );
    await sleep(700);
    expect(watch.events.map(e => e.type)).toEqual([
      'ADDED',
      'BOOKMARK',
      'BOOKMARK',
      'ADDED',
    ]);
    watch.close();
  });

  it('lets a client resume from a bookmark without seeing old events again', async () => {
    const first = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true`,
    );
    const bookmark = await first.next(isBookmark);
    first.close();
    await api(sandbox, 'POST', CONFIGMAPS, { metadata: { name: 'c2' } });
    const resumed = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true&resourceVersion=${bookmark.object.metadata.resourceVersion}`,
    );
    await resumed.next(isBookmark);
    expect(resumed.events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'c2'],
      ['BOOKMARK', undefined],
    ]);
    resumed.close();
  });

  it('sends none to clients that do not ask, and marks the end of sendInitialEvents', async () => {
    const plain = await openWatch(sandbox, `${CONFIGMAPS}?watch=true`);
    const initial = await openWatch(
      sandbox,
      `${CONFIGMAPS}?watch=true&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=1`,
    );
    const end = await initial.next(isBookmark);
    expect(end.object.metadata.annotations).toEqual({
      'k8s.io/initial-events-end': 'true',
    });
    expect(initial.events.filter(e => e.type === 'ADDED')).toHaveLength(3);
    await api(sandbox, 'POST', '/api/v1/namespaces/default/secrets', {
      metadata: { name: 's2' },
    });
    await sleep(700);
    expect(plain.events.map(e => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    plain.close();
    initial.close();
  });
});
