import { mockServices } from '@backstage/backend-test-utils';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import { startSandboxWithClient } from '../__testUtils__/sandboxClient';
import { KubernetesClient } from '../KubernetesClient';
import { InformerChange, ObjectInformer } from './ObjectInformer';

const CONFIG_MAP = { group: '', version: 'v1', kind: 'ConfigMap' };
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function eventually<T>(
  read: () => T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe('ObjectInformer against the sandbox', () => {
  let sandbox: Sandbox;
  let client: KubernetesClient;
  const informers: ObjectInformer[] = [];

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
  const createConfigMap = (name: string, data: Record<string, string>) =>
    call('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name },
      data,
    });
  const counts = () => sandbox.requestCounts().byResource.configmaps ?? {};

  const start = (
    options: ConstructorParameters<typeof ObjectInformer>[3] = {},
  ) => {
    const informer = new ObjectInformer(
      client,
      CONFIG_MAP,
      mockServices.logger.mock(),
      options,
    );
    informers.push(informer);
    return informer;
  };

  beforeAll(async () => {
    ({ sandbox, client } = await startSandboxWithClient());
  });
  afterEach(() => informers.splice(0).forEach(i => i.stop()));
  afterAll(() => sandbox.stop());

  it('lists once, then follows creates, changes and deletes, telling subscribers', async () => {
    await createConfigMap('before', { a: '1' });
    const informer = start();
    expect(await informer.waitForFirstSync(5000)).toEqual({ kind: 'synced' });
    expect(informer.get('default', 'before')?.metadata.name).toBe('before');
    const changes: InformerChange[] = [];
    informer.subscribe(change => changes.push(change));

    await createConfigMap('after', { b: '1' });
    await call('PATCH', '/api/v1/namespaces/default/configmaps/after', {
      data: { b: '2' },
    });
    await eventually(
      () => (informer.get('default', 'after') as any)?.data.b === '2',
    );
    await call('DELETE', '/api/v1/namespaces/default/configmaps/before');
    await eventually(() => !informer.get('default', 'before'));

    expect(changes.map(c => `${c.type} ${c.object.metadata.name}`)).toEqual([
      'upsert after',
      'upsert after',
      'delete before',
    ]);
    expect(
      changes[1].type === 'upsert' && (changes[1].previous as any)?.data.b,
    ).toBe('1');
  });

  it('resumes from the last resourceVersion when the server ends the watch, without listing again', async () => {
    const before = counts();
    const informer = start({ watchTimeoutSeconds: 1 });
    await informer.waitForFirstSync(5000);
    // Three server-side watch ends, with a change made while each watch is between connections.
    for (let i = 0; i < 3; i++) {
      await sleep(1100);
      await createConfigMap(`resumed-${i}`, { i: String(i) });
    }
    await eventually(() => informer.get('default', 'resumed-2'));
    const after = counts();
    expect((after.list ?? 0) - (before.list ?? 0)).toBe(1);
    expect((after.watch ?? 0) - (before.watch ?? 0)).toBeGreaterThanOrEqual(3);
    expect(informer.counters.lists).toBe(1);
    expect(informer.state).toEqual({ kind: 'synced' });
  });

  it('reports itself stale while the cluster is down, and catches up once it is back', async () => {
    const informer = start({ maxBackoffMs: 200 });
    await informer.waitForFirstSync(5000);
    sandbox.faults.set({ apiDown: true });
    try {
      // The open watch is cut; the informer knows its data may now be old.
      const stale = await eventually(() =>
        informer.state.kind === 'stale' ? informer.state : undefined,
      );
      expect(stale.message).toBeTruthy();
      expect(Date.parse(stale.since)).not.toBeNaN();
    } finally {
      sandbox.faults.set({ apiDown: false });
    }
    await createConfigMap('while-recovering', { x: '1' });
    await eventually(() => informer.get('default', 'while-recovering'));
    await eventually(() => informer.state.kind === 'synced');
  });

  it('holds only the objects its label selector picks, from the list and the watch', async () => {
    const labelled = (name: string, labels: Record<string, string>) =>
      call('POST', '/api/v1/namespaces/default/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, labels },
      });
    await labelled('picked-before', { 'example.com/request': 'a' });
    const informer = start({ labelSelector: 'example.com/request' });
    await informer.waitForFirstSync(5000);
    await labelled('ignored', { other: 'x' });
    await labelled('picked-after', { 'example.com/request': 'b' });
    await eventually(() => informer.get('default', 'picked-after'));
    expect(informer.get('default', 'picked-before')).toBeDefined();
    expect(informer.get('default', 'ignored')).toBeUndefined();
    expect(informer.get('default', 'before')).toBeUndefined();
  });

  it('keeps neither managedFields nor the last-applied copy of an object', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'applied',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': 'x'.repeat(2000),
          keep: 'me',
        },
      },
      data: { a: '1' },
    });
    const informer = start();
    await informer.waitForFirstSync(5000);
    const cached = informer.get('default', 'applied')!;
    expect(cached.metadata.annotations).toEqual({ keep: 'me' });
    expect((cached.metadata as any).managedFields).toBeUndefined();
  });
});
