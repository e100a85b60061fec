/*
 * What the kratix-dynamodb plugin's extension points and the `catalog` cluster locator add to
 * the shared clusters service, proven through the status route of a real backend reading the
 * sandbox cluster.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  KRATIX_PROMISE_GVK,
  kubernetesUserTokenHeader,
  StatusChain,
} from '@kratix-dynamodb/common';
import {
  KratixDynamoDBAuthStrategyExtensionPoint,
  kratixDynamoDBAuthStrategyExtensionPoint,
} from '@kratix-dynamodb/node';
import { Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { readRepoYaml, sandboxEntity } from '../__testUtils__/sandboxEntities';
import { sandboxAdminClient } from '../__testUtils__/sandboxAdminClient';

jest.setTimeout(120_000);

type AuthenticationStrategy = Parameters<
  KratixDynamoDBAuthStrategyExtensionPoint['addAuthStrategy']
>[1];

const entityOn = (cluster: string) => ({
  ...sandboxEntity('Resource', `table-on-${cluster}`, {
    [ANNOTATIONS.request]: 'default/simple-table',
  }),
  metadata: {
    name: `table-on-${cluster}`,
    namespace: 'default',
    annotations: {
      [ANNOTATIONS.cluster]: cluster,
      [ANNOTATIONS.request]: 'default/simple-table',
    },
  },
});

/** A Resource of type kubernetes-cluster, as the Kubernetes plugin's catalog locator reads it. */
const clusterResource = (
  name: string,
  url: string,
  annotations: Record<string, string>,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'kubernetes.io/api-server': url,
      'kubernetes.io/api-server-certificate-authority': 'Q0E=',
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform' },
});

describe('cluster extensions', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      controllers: true,
    });
    const kube = sandboxAdminClient(sandbox);
    await kube.create(
      KRATIX_PROMISE_GVK,
      readRepoYaml('examples/kratix-promise/promise.yaml'),
    );
  });
  afterAll(() => sandbox?.stop());

  const promiseStage = async (
    server: Parameters<typeof request>[0],
    cluster: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await request(server)
      .get(`/api/kratix-dynamodb/status/default/resource/table-on-${cluster}`)
      .set(headers);
    expect(res.status).toBe(200);
    return (res.body as StatusChain).stages.find(s => s.id === 'promise')!;
  };

  const config = (data: object) =>
    mockServices.rootConfig.factory({
      data: {
        ...data,
        kratixDynamodb: {
          ...(data as any).kratixDynamodb,
          status: { clusterTimeoutMs: 5000 },
          tenancy: { namespaces: { default: ['group:default/guests'] } },
        },
      },
    });

  describe('kratix-dynamodb.auth-strategy', () => {
    const vaultCluster = {
      kratixDynamodb: {
        clusters: [
          {
            name: 'vaulted',
            url: '',
            authProvider: 'team-vault',
            authMetadata: { team: 'platform' },
          },
        ],
      },
    };

    it('uses the strategy a backend module adds for the clusters that name it', async () => {
      vaultCluster.kratixDynamodb.clusters[0].url = sandbox.plainHttpUrl;
      const asked: string[] = [];
      const vault: AuthenticationStrategy = {
        async getCredential(cluster) {
          asked.push(`${cluster.name}:${cluster.authMetadata.team}`);
          return { type: 'bearer token', token: sandbox.token };
        },
        validateCluster: metadata =>
          metadata.team ? [] : [new Error('authMetadata.team is required')],
        presentAuthMetadata: () => ({}),
      };
      const vaultModule = createBackendModule({
        pluginId: 'kratix-dynamodb',
        moduleId: 'team-vault',
        register(env) {
          env.registerInit({
            deps: { strategies: kratixDynamoDBAuthStrategyExtensionPoint },
            async init({ strategies }) {
              strategies.addAuthStrategy('team-vault', vault);
            },
          });
        },
      });
      const { server } = await startTestBackend({
        features: [
          kratixDynamoDBPlugin,
          vaultModule,
          catalogServiceMock.factory({ entities: [entityOn('vaulted')] }),
          config(vaultCluster),
        ],
      });
      const stage = await promiseStage(server, 'vaulted');
      expect(stage.state).toBe('ok');
      expect(asked).toContain('vaulted:platform');
    });

    it('fails the start-up, naming the cluster and the value, when no module supplies the provider', async () => {
      vaultCluster.kratixDynamodb.clusters[0].url = sandbox.plainHttpUrl;
      await expect(
        startTestBackend({
          features: [
            kratixDynamoDBPlugin,
            catalogServiceMock.factory({ entities: [] }),
            config(vaultCluster),
          ],
        }),
      ).rejects.toThrow(/cluster 'vaulted': unknown authProvider 'team-vault'/);
    });
  });

  describe("the Kubernetes plugin's catalog locator", () => {
    const catalogLocator = (allowed: string[]) => ({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'catalog', dangerouslyAllowClusterUrls: allowed },
        ],
      },
    });
    const oktaHeader = kubernetesUserTokenHeader({
      authProvider: 'oidc',
      oidcTokenProvider: 'okta',
    });

    it('reads clusters from kubernetes-cluster Resources, with their auth annotations', async () => {
      const { server } = await startTestBackend({
        features: [
          kratixDynamoDBPlugin,
          catalogServiceMock.factory({
            entities: [
              clusterResource('from-catalog', sandbox.plainHttpUrl, {
                'kubernetes.io/auth-provider': 'oidc',
                'kubernetes.io/oidc-token-provider': 'okta',
              }),
              entityOn('from-catalog'),
            ],
          }),
          config(catalogLocator(['127.0.0.1'])),
        ],
      });
      const stage = await promiseStage(server, 'from-catalog', {
        [oktaHeader]: sandbox.token,
      });
      expect(stage.state).toBe('ok');
      const auth = await request(server).get(
        '/api/kratix-dynamodb/clusters/from-catalog/auth',
      );
      expect(auth.body).toEqual({
        name: 'from-catalog',
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
        actsAsUser: true,
      });
    });

    it("leaves out a cluster whose entity points into the backend's network or would get the backend's own token", async () => {
      const { server } = await startTestBackend({
        features: [
          kratixDynamoDBPlugin,
          catalogServiceMock.factory({
            entities: [
              // 127.0.0.1 is not allowed by this locator: no SSRF through a catalog entity.
              clusterResource('internal', sandbox.plainHttpUrl, {
                'kubernetes.io/auth-provider': 'oidc',
                'kubernetes.io/oidc-token-provider': 'okta',
              }),
              clusterResource('grabber', 'https://example.com', {
                'kubernetes.io/auth-provider': 'serviceAccount',
              }),
              entityOn('internal'),
              entityOn('grabber'),
            ],
          }),
          config(catalogLocator([])),
        ],
      });
      for (const cluster of ['internal', 'grabber']) {
        const stage = await promiseStage(server, cluster);
        expect(stage.state).toBe('unknown');
        expect(stage.summary).toContain(`Unknown cluster '${cluster}'`);
      }
    });
  });
});
