import { ConfigReader } from '@backstage/config';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { startSandbox, type Sandbox } from '@kratix-dynamodb/sandbox';
import { ClusterClientFactory } from './ClusterClientFactory';

// The Kubernetes backend's strategies load on first use, which takes a while on a busy machine.
jest.setTimeout(30_000);

const CONFIG_MAP = { group: '', version: 'v1', kind: 'ConfigMap' };

describe('ClusterClientFactory', () => {
  it('fails at start-up, naming the cluster and the value, for an auth provider that would not work', () => {
    const factory = (authProvider: string) => () =>
      ClusterClientFactory.fromConfig(
        new ConfigReader({
          kratixDynamodb: {
            clusters: [{ name: 'prod', url: 'https://k', authProvider }],
          },
        }),
      );
    expect(factory('kerberos')).toThrow(
      /cluster 'prod': unknown authProvider 'kerberos'/,
    );
    expect(factory('oidc')).toThrow(
      /cluster 'prod': authProvider 'oidc': oidc needs oidcTokenProvider/,
    );
    expect(factory('google')).not.toThrow();
    expect(factory('aks')).not.toThrow();
    expect(factory('aws')).not.toThrow();
  });

  it('refuses a cluster that an added strategy finds invalid', () => {
    const strict: AuthenticationStrategy = {
      getCredential: async () => ({ type: 'anonymous' }),
      validateCluster: metadata =>
        metadata.team ? [] : [new Error('authMetadata.team is required')],
      presentAuthMetadata: () => ({}),
    };
    expect(() =>
      ClusterClientFactory.fromConfig(
        new ConfigReader({
          kratixDynamodb: {
            clusters: [
              { name: 'x', url: 'https://k', authProvider: 'team-vault' },
            ],
          },
        }),
        {
          authStrategies: { 'team-vault': strict },
        },
      ),
    ).toThrow(
      /cluster 'x': authProvider 'team-vault': authMetadata.team is required/,
    );
  });

  describe('against the sandbox', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        dynamodbPort: 0,
        kubeconfigPath: false,
        controllers: false,
      });
    });
    afterAll(() => sandbox.stop());

    it('asks an added auth strategy for credentials on every request, never keeping them', async () => {
      const issued: string[] = [];
      const rotating: AuthenticationStrategy = {
        // A new credential each time, as an expiring token source would hand out.
        getCredential: async () => {
          issued.push(`call ${issued.length + 1}`);
          return { type: 'bearer token', token: sandbox.token };
        },
        validateCluster: () => [],
        presentAuthMetadata: () => ({}),
      };
      const clients = ClusterClientFactory.fromConfig(
        new ConfigReader({
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: sandbox.plainHttpUrl,
                authProvider: 'vault',
              },
            ],
          },
        }),
        { authStrategies: { vault: rotating } },
      );
      const client = await clients.forCluster('sandbox');
      for (let i = 0; i < 3; i++)
        await client.list(CONFIG_MAP, { namespace: 'default' });
      // Discovery once, then three lists: each request asked for its own credential.
      expect(issued).toHaveLength(4);
    });

    it('reads a serviceAccount cluster the way the Kubernetes plugin configures it', async () => {
      const clients = ClusterClientFactory.fromConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'k8s',
                    url: sandbox.plainHttpUrl,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: sandbox.token,
                  },
                ],
              },
            ],
          },
        }),
      );
      const client = await clients.forCluster('k8s');
      expect(
        (await client.list(CONFIG_MAP, { namespace: 'default' })).items,
      ).toBeDefined();
    });
  });
});
