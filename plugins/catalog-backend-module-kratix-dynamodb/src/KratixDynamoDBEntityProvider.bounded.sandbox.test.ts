import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { ANNOTATIONS, DYNAMODB_REQUEST_GVK } from '@kratix-dynamodb/common';
import { sandboxClusters } from './__testUtils__/sandboxClusters';
import {
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

/*
 * The provider in bounded mode (kratixDynamodb.cache.fullCacheLimit exceeded; here 0): it keeps
 * no copy of the cluster, follows it through a watch that only reports changes, and lists the
 * kind for its full sync in pages spread over the run.
 */
const REQUESTS =
  '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests';
const NAMES = ['bounded-0', 'bounded-1', 'bounded-2', 'bounded-3', 'bounded-4'];

describe('KratixDynamoDBEntityProvider in bounded mode', () => {
  let sandbox: Sandbox;
  let clusters: KratixClustersService;
  let provider: KratixDynamoDBEntityProvider;
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async m => void mutations.push(m),
    refresh: async () => {},
  };
  let fullSync: () => Promise<void> = async () => {};

  const createRequest = (name: string) =>
    fetch(`${sandbox.plainHttpUrl}${REQUESTS}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sandbox.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        apiVersion: 'dynamodb.kratix.io/v1alpha1',
        kind: 'DynamoDBRequest',
        metadata: { name, namespace: 'default' },
        spec: {
          name,
          region: 'us-east-1',
          billingMode: 'PAY_PER_REQUEST',
          attributeDefinitions: [{ name: 'id', type: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        },
      }),
    });
  const requestLists = () =>
    sandbox.requestCounts().byResource['dynamodbrequests.dynamodb.kratix.io']
      ?.list ?? 0;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      dynamodbPort: 0,
      kubeconfigPath: false,
      createTableMs: 100,
    });
    await applyDynamoDBPromise({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
    });
    for (const name of NAMES) {
      // The Promise's API may take a moment to serve writes after discovery shows it.
      for (let tries = 0; !(await createRequest(name)).ok; tries++) {
        if (tries > 50) throw new Error(`request ${name} was not created`);
        await new Promise(r => setTimeout(r, 100));
      }
    }
    // The sample cluster service, with every kind read in bounded mode.
    const { clients } = sandboxClusters(sandbox);
    clusters = {
      clients,
      informers: new ClusterInformers(
        clients,
        mockServices.logger.mock(),
        { maxBackoffMs: 200 },
        { fullCacheLimit: 0 },
      ),
    };
    provider = new KratixDynamoDBEntityProvider({
      clusters,
      logger: mockServices.logger.mock(),
      runner: {
        run: async task => void (fullSync = task.fn as () => Promise<void>),
      },
      tenancy: readTenancy(
        new ConfigReader({
          kratixDynamodb: {
            tenancy: { namespaces: { default: ['group:default/guests'] } },
          },
        }),
      ),
      spreadMs: 600,
      pageSize: 2,
    });
    await provider.connect(connection);
  });

  afterAll(async () => {
    provider.disconnect();
    await clusters.informers.stopAll();
    await sandbox.stop();
  });

  it('lists the kind in pages spread over the run and emits every entity, keeping no objects', async () => {
    const listsBefore = requestLists();
    const started = Date.now();
    await fullSync();
    const elapsed = Date.now() - started;
    const full = mutations.find(m => m.type === 'full');
    expect(
      full?.type === 'full' &&
        full.entities
          .map(e => e.entity.metadata.annotations?.[ANNOTATIONS.request])
          .sort(),
    ).toEqual(NAMES.map(name => `default/${name}`));
    // Five requests at two a page: three pages, with a pause after each of the first two.
    expect(requestLists() - listsBefore).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    const watch = await clusters.informers.informer(
      'sandbox',
      DYNAMODB_REQUEST_GVK,
      { cache: false },
    );
    expect(watch.keepsObjects).toBe(false);
    expect(watch.size).toBe(0);
  });

  it('a new request reaches the catalog within 2 s through the watch, without a list', async () => {
    const listsBefore = requestLists();
    mutations.length = 0;
    const started = Date.now();
    await createRequest('bounded-new');
    for (;;) {
      const added = mutations.flatMap(m =>
        m.type === 'delta'
          ? m.added.map(d => stringifyEntityRef(d.entity))
          : [],
      );
      if (added.some(ref => ref.includes('bounded-new'))) break;
      if (Date.now() - started > 2000) throw new Error('not within 2 s');
      await new Promise(r => setTimeout(r, 20));
    }
    expect(requestLists()).toBe(listsBefore);
  });
});
