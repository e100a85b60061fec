import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import { startSandboxWithClient } from '../__testUtils__/sandboxClient';
import { ClusterClientFactory } from '../ClusterClientFactory';
import { ClusterInformers } from '../informers/ClusterInformers';
import { KubernetesClient } from '../KubernetesClient';
import { readTenancy } from './readTenancy';

/*
 * The tenancy binding from namespace labels, read from a real API server (the sandbox) through
 * the shared informers: which namespaces a label binds, that config outranks a label, and that
 * a relabelled namespace follows without a restart.
 */
const NAMESPACE = { group: '', version: 'v1', kind: 'Namespace' };
const LABEL = 'backstage.io/owner';

describe('readTenancy with tenancy.namespaceLabel', () => {
  let sandbox: Sandbox;
  let client: KubernetesClient;
  let informers: ClusterInformers;

  const namespace = (name: string, labels: Record<string, string> = {}) =>
    client.create(NAMESPACE, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels },
    });
  const tenancyOf = (tenancy: JsonObject) =>
    readTenancy(new ConfigReader({ kratixDynamodb: { tenancy } }), {
      informers,
    });

  beforeAll(async () => {
    ({ sandbox, client } = await startSandboxWithClient());
    const clients = {
      forCluster: async (cluster: string) => {
        if (cluster !== 'sandbox') throw new Error(`unknown ${cluster}`);
        return client;
      },
      actsAsUser: async () => false,
    } as unknown as ClusterClientFactory;
    informers = new ClusterInformers(clients, mockServices.logger.mock());
    await namespace('team-a', { [LABEL]: 'team-a' });
    await namespace('team-b', { [LABEL]: 'team-b' });
    await namespace('shared', { [LABEL]: 'team-b' });
    await namespace('plain');
  });
  afterAll(async () => {
    await informers?.stopAll();
    await sandbox?.stop();
  });

  it('binds each labelled namespace to the group its label names, on that cluster only', async () => {
    const tenancy = tenancyOf({ namespaceLabel: LABEL });
    await tenancy.ready!('sandbox');
    expect([...tenancy.ownersOf('team-a', 'sandbox')]).toEqual([
      'group:default/team-a',
    ]);
    expect([...tenancy.ownersOf('team-b', 'sandbox')]).toEqual([
      'group:default/team-b',
    ]);
    expect(
      tenancy.ownersOf('team-b', 'sandbox').has('group:default/team-a'),
    ).toBe(false);
    expect(tenancy.ownersOf('plain', 'sandbox').size).toBe(0);
    // Without a cluster, or for one whose namespaces were never read, only config counts.
    expect(tenancy.ownersOf('team-a').size).toBe(0);
    await tenancy.ready!('elsewhere');
    expect(tenancy.ownersOf('team-a', 'elsewhere').size).toBe(0);
  });

  it('lets config outrank a label: a namespace config names keeps its configured owners', async () => {
    const tenancy = tenancyOf({
      namespaceLabel: LABEL,
      namespaces: { shared: ['group:default/platform'] },
    });
    await tenancy.ready!('sandbox');
    expect([...tenancy.ownersOf('shared', 'sandbox')]).toEqual([
      'group:default/platform',
    ]);
  });

  it('follows a relabelled namespace through the watch', async () => {
    const tenancy = tenancyOf({ namespaceLabel: LABEL });
    await namespace('moving', { [LABEL]: 'team-a' });
    await tenancy.ready!('sandbox');
    await client.mergePatch(NAMESPACE, undefined, 'moving', {
      metadata: { labels: { [LABEL]: 'team-b' } },
    });
    const deadline = Date.now() + 5000;
    while (
      !tenancy.ownersOf('moving', 'sandbox').has('group:default/team-b') &&
      Date.now() < deadline
    )
      await new Promise(r => setTimeout(r, 25));
    expect([...tenancy.ownersOf('moving', 'sandbox')]).toEqual([
      'group:default/team-b',
    ]);
  });

  it('ignores labels when no label key is configured', async () => {
    const tenancy = tenancyOf({});
    await tenancy.ready!('sandbox');
    expect(tenancy.ownersOf('team-a', 'sandbox').size).toBe(0);
  });
});
