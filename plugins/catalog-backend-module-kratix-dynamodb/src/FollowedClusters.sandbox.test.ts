/*
 * A catalog provider has no signed-in user, so a cluster read as each user (oidc, google, aks)
 * is left out with one log line, and the other clusters' entities still reach the catalog.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ANNOTATIONS, DYNAMODB_REQUEST_GVK } from '@kratix-dynamodb/common';
import { readTenancy } from '@kratix-dynamodb/node';
import {
  Sandbox,
  applyDynamoDBPromise,
  startSandbox,
} from '@kratix-dynamodb/sandbox';
import { parse } from 'yaml';
import { CatalogStandIn } from './__testUtils__/CatalogStandIn';
import { sandboxClusters } from './__testUtils__/sandboxClusters';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';
import { KratixPromiseEntityProvider } from './promises/KratixPromiseEntityProvider';

jest.setTimeout(60_000);

const REQUEST = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../examples/requests/simple.yaml'),
    'utf8',
  ),
);

describe('catalog providers and a cluster read as each user', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, kubeconfigPath: false });
    await applyDynamoDBPromise({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
    });
    const clusters = sandboxClusters(sandbox);
    const client = await clusters.clients.forCluster('sandbox');
    // The Promise's CRD arrives with the Kratix controller's first reconcile.
    for (let i = 0; ; i++) {
      try {
        await client.create(DYNAMODB_REQUEST_GVK, REQUEST);
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise(r => setTimeout(r, 100));
      }
    }
  });
  afterAll(() => sandbox?.stop());

  /** Connects a provider to a catalog stand-in and runs its full sync twice. */
  async function twoSyncs(
    make: (
      deps: Pick<
        ConstructorParameters<typeof KratixDynamoDBEntityProvider>[0],
        'clusters' | 'logger' | 'runner'
      >,
    ) => KratixDynamoDBEntityProvider | KratixPromiseEntityProvider,
  ) {
    const clusters = sandboxClusters(sandbox, { perUserCluster: 'per-user' });
    const logger = mockServices.logger.mock();
    const catalog = new CatalogStandIn();
    let fullSync: () => Promise<void> = async () => {};
    const provider = make({
      clusters,
      logger,
      runner: { run: async task => void (fullSync = task.fn as any) },
    });
    await provider.connect(catalog);
    await fullSync();
    await fullSync();
    provider.disconnect();
    await clusters.informers.stopAll();
    const told = logger.info.mock.calls
      .map(([message]) => String(message))
      .filter(message => message.includes("'per-user'"));
    return { catalog, told };
  }

  it('the request provider leaves it out, says so once, and still syncs the other cluster', async () => {
    const { catalog, told } = await twoSyncs(
      deps =>
        new KratixDynamoDBEntityProvider({
          ...deps,
          tenancy: readTenancy(new ConfigReader({})),
        }),
    );
    expect(told).toEqual([
      "kratix-dynamodb: cluster 'per-user' is read as each signed-in user, and the catalog has no user; its objects are not turned into entities",
    ]);
    expect(catalog.mutations.filter(m => m.type === 'full')).toHaveLength(2);
    const clustersOfEntities = [...catalog.entities.values()].map(
      d => d.entity.metadata.annotations?.[ANNOTATIONS.cluster],
    );
    expect(clustersOfEntities).toContain('sandbox');
    expect(clustersOfEntities).not.toContain('per-user');
  });

  it('the Promise provider leaves it out the same way', async () => {
    const { catalog, told } = await twoSyncs(
      deps =>
        new KratixPromiseEntityProvider({
          ...deps,
          templates: { defaultOwner: 'group:default/platform', exclude: [] },
        }),
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^kratix-promises: cluster 'per-user' is read/);
    // Before, the per-user cluster's refused informer made every full sync give up.
    expect(catalog.mutations.filter(m => m.type === 'full')).toHaveLength(2);
  });
});
