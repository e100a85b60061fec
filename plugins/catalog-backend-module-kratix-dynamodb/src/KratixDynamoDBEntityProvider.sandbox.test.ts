import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { entityRefOfClusterObject } from '@kratix-dynamodb/common';
import {
  ClusterClientFactory,
  ClusterInformers,
  KratixClustersService,
  readTenancy,
} from '@kratix-dynamodb/node';
import {
  Sandbox,
  applyDynamoDBPromise,
  startSandbox,
} from '@kratix-dynamodb/sandbox';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');

/** Team a and team b each own a namespace; default belongs to guests, as in the sample app. */
const tenancy = readTenancy(
  new ConfigReader({
    kratixDynamodb: {
      tenancy: {
        namespaces: {
          default: ['group:default/guests'],
          'team-a': ['group:default/team-a'],
          'team-b': ['group:default/team-b'],
        },
      },
    },
  }),
);

/** The key CatalogStandIn files an object's entity under. */
const refOf = (
  kind: 'resource' | 'component',
  name: string,
  namespace = 'default',
) => entityRefOfClusterObject({ kind, cluster: 'sandbox', namespace, name });
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
    const ref = (d: DeferredEntity) => stringifyEntityRef(d.entity);
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
      tenancy,
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
    const simple = catalog.entities.get(
      refOf('resource', 'simple-table'),
    )!.entity;
    expect(simple.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/cluster': 'sandbox',
      'kratix-dynamodb.io/request': 'default/simple-table',
    });
    // KubeVela renders the app's table component as a DynamoDBRequest named after the component.
    expect(
      catalog.entities.get(refOf('resource', 'session-table')),
    ).toBeDefined();
    expect(
      catalog.entities.get(refOf('component', 'session-management-app'))!.entity
        .spec!.dependsOn,
    ).toEqual([refOf('resource', 'session-table')]);
  });

  it("gives two teams' same-named requests two entities, each owned as its namespace is bound, whatever the object claims", async () => {
    await kubectl('create', 'namespace', 'team-a');
    await kubectl('create', 'namespace', 'team-b');
    const orders = (namespace: string, claimedOwner: string) => ({
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: {
        name: 'orders',
        namespace,
        // Anyone who may edit the object can write this annotation.
        annotations: { 'kratix-dynamodb.io/owner': claimedOwner },
      },
      spec: {
        name: `${namespace}-orders`,
        region: 'us-east-1',
        billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      },
    });
    const file = path.join(tempDir, 'two-teams.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        // Team b's request claims to belong to team a.
        items: [
          orders('team-a', 'group:default/team-a'),
          orders('team-b', 'group:default/team-a'),
        ],
      }),
    );
    await kubectl('apply', '-f', file);
    const teamA = refOf('resource', 'orders', 'team-a');
    const teamB = refOf('resource', 'orders', 'team-b');
    expect(teamA).not.toBe(teamB);
    const { value } = await within(2000, () => {
      const a = catalog.entities.get(teamA)?.entity;
      const b = catalog.entities.get(teamB)?.entity;
      return a && b ? { a, b } : undefined;
    });
    expect(value.a.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/request': 'team-a/orders',
    });
    expect(value.b.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/request': 'team-b/orders',
    });
    expect(value.a.spec!.owner).toBe('group:default/team-a');
    expect(value.b.spec!.owner).toBe('group:default/team-b');
  });

  it('adds an entity within 2 s of kubectl apply and removes it within 2 s of kubectl delete, with no list call', async () => {
    const listsBefore = lists();
    await kubectl('apply', '-f', 'examples/requests/provisioned.yaml');
    const added = await within(2000, () =>
      catalog.entities.get(refOf('resource', 'orders-table')),
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
      () =>
        !catalog.entities.has(refOf('resource', 'orders-table')) || undefined,
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
      tenancy,
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
