import { mockServices } from '@backstage/backend-test-utils';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import { startSandboxWithClient } from '../__testUtils__/sandboxClient';
import { ClusterClientFactory } from '../ClusterClientFactory';
import { KubernetesClient, KubernetesObject } from '../KubernetesClient';
import { ClusterInformers } from './ClusterInformers';
import { InformerChange, ObjectInformer } from './ObjectInformer';

/*
 * Paged lists, the watch that keeps nothing, and the bounded mode's LRU of per-object watches,
 * against the sandbox, which serves limit/continue and counts open watches as an API server.
 */
const CONFIG_MAP = { group: '', version: 'v1', kind: 'ConfigMap' };
const NAMES = ['c0', 'c1', 'c2', 'c3', 'c4'];
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
/** A ConfigMap's `v`, which the tests change to see whether a watch followed. */
const valueOf = (object: KubernetesObject | undefined) =>
  (object as { data?: { v?: string } } | undefined)?.data?.v;

async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe('large kinds', () => {
  let sandbox: Sandbox;
  let client: KubernetesClient;
  const stops: Array<() => unknown> = [];
  const logger = mockServices.logger.mock();

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.plainHttpUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${sandbox.token}`,
        'Content-Type':
          method === 'PATCH'
            ? 'application/merge-patch+json'
            : 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const configMap = (name: string) =>
    `/api/v1/namespaces/default/configmaps/${name}`;
  const lists = () => sandbox.requestCounts().byResource.configmaps?.list ?? 0;
  const openWatches = async () =>
    (await (await call('GET', '/sandbox/metrics')).json())
      .openWatches as number;
  const clusterInformers = (limits: {
    fullCacheLimit: number;
    maxBoundedWatches: number;
  }) => {
    const clients = {
      forCluster: async () => client,
      actsAsUser: async () => false,
    } as unknown as ClusterClientFactory;
    const informers = new ClusterInformers(clients, logger, {}, limits);
    stops.push(() => informers.stopAll());
    return informers;
  };

  beforeAll(async () => {
    ({ sandbox, client } = await startSandboxWithClient());
    for (const name of NAMES)
      await call('POST', '/api/v1/namespaces/default/configmaps', {
        metadata: { name },
        data: { v: '0' },
      });
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  afterAll(() => sandbox.stop());

  it('lists in pages: five objects at two a page are three list calls, and all five are held', async () => {
    const before = lists();
    const informer = new ObjectInformer(client, CONFIG_MAP, logger, {
      pageSize: 2,
    });
    stops.push(() => informer.stop());
    expect(await informer.waitForFirstSync(5000)).toEqual({ kind: 'synced' });
    expect(lists() - before).toBe(3);
    expect(informer.size).toBe(NAMES.length);
  });

  it('a watch that keeps nothing reports changes, holds no object, and lists one object to start', async () => {
    const informer = new ObjectInformer(client, CONFIG_MAP, logger, {
      cache: false,
    });
    stops.push(() => informer.stop());
    const changes: InformerChange[] = [];
    informer.subscribe(c => changes.push(c));
    await informer.waitForFirstSync(5000);
    expect(changes).toEqual([]);
    await call('PATCH', configMap('c3'), { data: { v: 'changed' } });
    await eventually(() => changes.length > 0);
    expect(changes[0]).toMatchObject({
      type: 'upsert',
      object: { metadata: { name: 'c3' } },
    });
    expect(changes[0]).not.toHaveProperty('previous');
    expect(informer.size).toBe(0);
    expect(informer.keepsObjects).toBe(false);
  });

  it('a watch that keeps nothing reports, after a gap (here: its API installed late), every object made meanwhile', async () => {
    const GADGET = { group: 'example.com', version: 'v1', kind: 'Gadget' };
    const informer = new ObjectInformer(client, GADGET, logger, {
      cache: false,
      maxBackoffMs: 200,
    });
    stops.push(() => informer.stop());
    const names: string[] = [];
    informer.subscribe(c => names.push(c.object.metadata.name));
    expect((await informer.waitForFirstSync(5000)).kind).toBe('missing-api');
    await call(
      'POST',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      {
        metadata: { name: 'gadgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Namespaced',
          names: {
            plural: 'gadgets',
            singular: 'gadget',
            kind: 'Gadget',
            listKind: 'GadgetList',
          },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  'x-kubernetes-preserve-unknown-fields': true,
                },
              },
            },
          ],
        },
      },
    );
    await eventually(async () => {
      const res = await call(
        'POST',
        '/apis/example.com/v1/namespaces/default/gadgets',
        {
          apiVersion: 'example.com/v1',
          kind: 'Gadget',
          metadata: { name: 'g0' },
        },
      );
      return res.ok;
    });
    await eventually(() => names.includes('g0'));
    expect(informer.size).toBe(0);
  });

  it('below the limit a kind is cached whole; above it only the objects looked up are', async () => {
    const small = clusterInformers({
      fullCacheLimit: 10,
      maxBoundedWatches: 2,
    });
    expect(await small.cacheMode('sandbox', CONFIG_MAP)).toBe('full');
    const whole = await small.informerFor(
      'sandbox',
      CONFIG_MAP,
      {},
      { namespace: 'default', name: 'c1' },
    );
    await whole.waitForFirstSync(5000);
    expect(whole.size).toBe(NAMES.length);

    const large = clusterInformers({ fullCacheLimit: 3, maxBoundedWatches: 2 });
    expect(await large.cacheMode('sandbox', CONFIG_MAP)).toBe('bounded');
    const one = await large.informerFor(
      'sandbox',
      CONFIG_MAP,
      {},
      { namespace: 'default', name: 'c1' },
    );
    await one.waitForFirstSync(5000);
    expect(one.size).toBe(1);
    expect(one.get('default', 'c1')?.metadata.name).toBe('c1');
  });

  it('bounded: a change reaches the object’s watch live, and the LRU closes the least recently read watch beyond its size', async () => {
    // The earlier tests' watches close as their informers stop; nothing else watches here.
    await eventually(async () => (await openWatches()) === 0);
    const baseline = 0;
    const informers = clusterInformers({
      fullCacheLimit: 0,
      maxBoundedWatches: 2,
    });
    const open = async (name: string) => {
      const informer = await informers.informerFor(
        'sandbox',
        CONFIG_MAP,
        {},
        { namespace: 'default', name },
      );
      await informer.waitForFirstSync(5000);
      return informer;
    };
    const c0 = await open('c0');
    const c1 = await open('c1');
    await eventually(async () => (await openWatches()) === baseline + 2);

    const changed = Date.now();
    await call('PATCH', configMap('c1'), { data: { v: 'live' } });
    await eventually(() => valueOf(c1.get('default', 'c1')) === 'live');
    expect(Date.now() - changed).toBeLessThan(2000);

    // c0 is the least recently read: a third object closes its watch on the server.
    await open('c2');
    expect(informers.boundedWatches('sandbox')).toBe(2);
    await eventually(async () => (await openWatches()) === baseline + 2);
    await call('PATCH', configMap('c0'), { data: { v: 'unseen' } });
    await sleep(300);
    expect(valueOf(c0.get('default', 'c0'))).not.toBe('unseen');

    // Reading c0 again opens a fresh watch, which sees its current state; c1 goes instead.
    const again = await open('c0');
    expect(again).not.toBe(c0);
    expect(valueOf(again.get('default', 'c0'))).toBe('unseen');
    expect(informers.boundedWatches('sandbox')).toBe(2);
    await eventually(async () => (await openWatches()) === baseline + 2);
  });

  it('bounded: object names become selectors only when they are names', async () => {
    const informers = clusterInformers({
      fullCacheLimit: 0,
      maxBoundedWatches: 2,
    });
    await expect(
      informers.informerFor(
        'sandbox',
        CONFIG_MAP,
        {},
        { namespace: 'default', name: 'c0,metadata.namespace!=x' },
      ),
    ).rejects.toThrow(/name/);
  });
});
