import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  ClusterClientFactory,
  ClusterInformers,
  KratixClustersService,
} from '@kratix-dynamodb/node';
import {
  Sandbox,
  applyDynamoDBPromise,
  startSandbox,
} from '@kratix-dynamodb/sandbox';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The catalog side of a provider: applies full and delta mutations the way the catalog does,
 * so a test can ask which entities exist now.
 */
class CatalogStandIn implements EntityProviderConnection {
  readonly entities = new Map<string, DeferredEntity>();
  readonly mutations: EntityProviderMutation[] = [];
  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
    const ref = (d: { entity: { kind: string; metadata: { name: string } } }) =>
      `${d.entity.kind}:${d.entity.metadata.name}`;
    if (mutation.type === 'full') {
      this.entities.clear();
      for (const d of mutation.entities) this.entities.set(ref(d), d);
      return;
    }
    for (const d of mutation.removed)
      if ('entity' in d) this.entities.delete(ref(d));
    for (const d of mutation.added) this.entities.set(ref(d), d);
  }
  async refresh() {}
}

async function within<T>(
  ms: number,
  read: () => T | undefined,
): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value) return { value, elapsedMs: Date.now() - started };
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(20);
  }
}

describe('KratixDynamoDBEntityProvider against the sandbox cluster', () => {
  let sandbox: Sandbox;
  let tempDir: string;
  let clusters: KratixClustersService;
  let provider: KratixDynamoDBEntityProvider;
  const catalog = new CatalogStandIn();
  const runFullSync: { fn?: () => Promise<void> } = {};

  const kubectl = (...args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        'kubectl',
        [
          '--kubeconfig',
          sandbox.kubeconfigPath!,
          '--cache-dir',
          path.join(tempDir, 'cache'),
          ...args,
        ],
        { cwd: repoRoot },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr || error.message)) : resolve(stdout),
      ),
    );
  const lists = () =>
    Object.values(sandbox.requestCounts().byResource).reduce(
      (n, r: any) => n + (r.list ?? 0),
      0,
    );

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-test-'));
    sandbox = await startSandbox({
      port: 0,
      dynamodbPort: 0,
      kubeconfigPath: path.join(tempDir, 'kubeconfig'),
      createTableMs: 100,
    });
    await applyDynamoDBPromise({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
    });
    await kubectl('apply', '-f', 'examples/requests/simple.yaml');
    await kubectl(
      'apply',
      '-f',
      'examples/kubevela/session-management-app.yaml',
    );
    const clients = new ClusterClientFactory([
      {
        name: 'sandbox',
        url: sandbox.plainHttpUrl,
        auth: {
          type: 'provider',
          provider: 'serviceAccount',
          metadata: { serviceAccountToken: sandbox.token },
        },
        skipTLSVerify: false,
      },
    ]);
    clusters = {
      clients,
      informers: new ClusterInformers(clients, mockServices.logger.mock(), {
        maxBackoffMs: 200,
      }),
    };
    provider = new KratixDynamoDBEntityProvider({
      clusters,
      logger: mockServices.logger.mock(),
      runner: {
        run: async task =>
          void (runFullSync.fn = task.fn as () => Promise<void>),
      },
    });
    await provider.connect(catalog);
    await runFullSync.fn!();
  });
  afterAll(async () => {
    provider.disconnect();
    await clusters.informers.stopAll();
    await sandbox.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('emits a Resource per request and a Component per Application with a table, linked by annotations', () => {
    const simple = catalog.entities.get('Resource:simple-table')!.entity;
    expect(simple.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/cluster': 'sandbox',
      'kratix-dynamodb.io/request': 'default/simple-table',
    });
    // KubeVela renders the app's table component as a DynamoDBRequest named after the component.
    expect(catalog.entities.get('Resource:session-table')).toBeDefined();
    expect(
      catalog.entities.get('Component:session-management-app')!.entity.spec!
        .dependsOn,
    ).toEqual(['resource:default/session-table']);
  });

  it('adds an entity within 2 s of kubectl apply and removes it within 2 s of kubectl delete, with no list call', async () => {
    const listsBefore = lists();
    await kubectl('apply', '-f', 'examples/requests/provisioned.yaml');
    const added = await within(2000, () =>
      catalog.entities.get('Resource:orders-table'),
    );
    expect(added.elapsedMs).toBeLessThan(2000);

    await kubectl(
      'delete',
      '-f',
      'examples/requests/provisioned.yaml',
      '--wait=false',
    );
    const removed = await within(
      2000,
      () => !catalog.entities.has('Resource:orders-table') || undefined,
    );
    expect(removed.elapsedMs).toBeLessThan(2000);
    // Everything above came through the watches: no list, and no full mutation.
    expect(lists()).toBe(listsBefore);
    expect(catalog.mutations.filter(m => m.type === 'full')).toHaveLength(1);
  });

  it('does not tell the catalog about status changes, which change no entity', async () => {
    await sleep(1500); // the tables and workflows of the requests above settle
    const before = catalog.mutations.length;
    await kubectl(
      'label',
      'dynamodbrequest',
      'simple-table',
      'example.com/touched=yes',
    );
    await sleep(500);
    expect(catalog.mutations.length).toBe(before);
  });

  it("keeps a cluster's entities when a restarted backend cannot read that cluster", async () => {
    const known = [...catalog.entities.keys()].sort();
    expect(known.length).toBeGreaterThan(0);
    // A new replica (fresh informers) starts while the cluster is unreachable.
    const informers = new ClusterInformers(
      clusters.clients,
      mockServices.logger.mock(),
      { maxBackoffMs: 200 },
    );
    const restarted = new KratixDynamoDBEntityProvider({
      clusters: { clients: clusters.clients, informers },
      logger: mockServices.logger.mock(),
      runner: { run: async () => {} },
    });
    sandbox.faults.set({ apiDown: true });
    try {
      await restarted.connect(catalog);
      await restarted.fullSync();
    } finally {
      sandbox.faults.set({ apiDown: false });
      restarted.disconnect();
      await informers.stopAll();
    }
    expect([...catalog.entities.keys()].sort()).toEqual(known);
  });
});
