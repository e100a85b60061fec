import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import type { OAuthApi, OpenIdConnectApi } from '@backstage/core-plugin-api';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { KratixClustersClient } from './KratixClustersClient';
import { KratixDynamoDBClient } from './KratixDynamoDBClient';
import { KratixUserTokensClient } from './KratixUserTokensClient';

const server = setupServer();
const baseUrl = 'http://backend.test/api/kratix-dynamodb';
const USER_HEADER = /^backstage-kubernetes-authorization-/;

const AUTH = {
  shared: { name: 'shared', authProvider: 'serviceAccount', actsAsUser: false },
  'okta-cluster': {
    name: 'okta-cluster',
    authProvider: 'oidc',
    oidcTokenProvider: 'okta',
    actsAsUser: true,
  },
  gke: { name: 'gke', authProvider: 'google', actsAsUser: true },
  aks: { name: 'aks', authProvider: 'aks', actsAsUser: true },
} as Record<string, object>;

/** Answers /auth from AUTH, counting the asks; every other route echoes the user headers. */
function backend() {
  const authAsks: string[] = [];
  const seen: Record<string, string>[] = [];
  const userHeaders = (request: Request) => {
    const found: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      if (USER_HEADER.test(key)) found[key] = value;
    });
    seen.push(found);
  };
  server.use(
    http.get(`${baseUrl}/clusters/:cluster/auth`, ({ params }) => {
      authAsks.push(String(params.cluster));
      const auth = AUTH[String(params.cluster)];
      return auth
        ? HttpResponse.json(auth)
        : HttpResponse.json(
            { error: { name: 'InputError', message: 'unknown cluster' } },
            { status: 400 },
          );
    }),
    http.get(`${baseUrl}/status/*`, ({ request }) => {
      userHeaders(request);
      return HttpResponse.json({ overall: 'ok', stages: [] });
    }),
    http.get(`${baseUrl}/clusters/:cluster/namespaces`, ({ request }) => {
      userHeaders(request);
      return HttpResponse.json({ items: [{ name: 'team-a' }] });
    }),
    http.post(`${baseUrl}/validate`, ({ request }) => {
      userHeaders(request);
      return HttpResponse.json({ ok: true });
    }),
  );
  return { authAsks, seen };
}

function setup() {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backend.test' });
  const fetchApi = new MockFetchApi();
  const okta = { getIdToken: jest.fn(async () => 'okta-id-token') };
  const google = { getAccessToken: jest.fn(async () => 'google-token') };
  const microsoft = { getAccessToken: jest.fn(async () => 'entra-token') };
  const userTokens = new KratixUserTokensClient({
    discoveryApi,
    fetchApi,
    googleAuthApi: google as unknown as OAuthApi,
    microsoftAuthApi: microsoft as unknown as OAuthApi,
    oidcProviders: { okta: okta as unknown as OpenIdConnectApi },
  });
  return {
    okta,
    google,
    microsoft,
    userTokens,
    status: new KratixDynamoDBClient({ discoveryApi, fetchApi, userTokens }),
    clusters: new KratixClustersClient({ discoveryApi, fetchApi, userTokens }),
  };
}

const ref = { namespace: 'default', kind: 'resource', name: 'orders' };

describe('KratixUserTokensClient', () => {
  registerMswTestHooks(server);

  it('sends the oidc provider’s ID token on every route about a per-user cluster', async () => {
    const { seen } = backend();
    const { status, clusters, okta } = setup();
    await status.getStatusChain(ref, { cluster: 'okta-cluster' });
    await clusters.listNamespaces('okta-cluster');
    await clusters.dryRun({
      cluster: 'okta-cluster',
      namespace: 'team-a',
    } as never);
    const expected = {
      'backstage-kubernetes-authorization-oidc-okta': 'okta-id-token',
    };
    expect(seen).toEqual([expected, expected, expected]);
    expect(okta.getIdToken).toHaveBeenCalledTimes(3);
  });

  it('never sends a user token for a cluster read with the backend’s identity', async () => {
    const { seen } = backend();
    const { status, clusters, okta, google, microsoft } = setup();
    await status.getStatusChain(ref, { cluster: 'shared' });
    await clusters.listNamespaces('shared');
    await clusters.dryRun({ cluster: 'shared', namespace: 'a' } as never);
    // No cluster named: nothing to ask about, nothing sent.
    await status.getStatusChain(ref);
    expect(seen).toEqual([{}, {}, {}, {}]);
    for (const api of [okta.getIdToken, google.getAccessToken]) {
      expect(api).not.toHaveBeenCalled();
    }
    expect(microsoft.getAccessToken).not.toHaveBeenCalled();
  });

  it('asks the backend once per cluster which token it needs', async () => {
    const { authAsks } = backend();
    const { status, clusters } = setup();
    await status.getStatusChain(ref, { cluster: 'okta-cluster' });
    await status.getStatusChain(ref, { cluster: 'okta-cluster' });
    await clusters.listNamespaces('okta-cluster');
    await clusters.listNamespaces('shared');
    expect(authAsks).toEqual(['okta-cluster', 'shared']);
  });

  it('asks again after a failed answer instead of keeping the failure', async () => {
    const { authAsks } = backend();
    const { userTokens } = setup();
    await expect(userTokens.headersFor('nowhere')).rejects.toThrow(/400/);
    await expect(userTokens.headersFor('nowhere')).rejects.toThrow();
    expect(authAsks).toEqual(['nowhere', 'nowhere']);
  });

  it('takes google’s access token and, for aks, Microsoft’s for the AKS server scope', async () => {
    backend();
    const { userTokens, google, microsoft } = setup();
    expect(await userTokens.headersFor('gke')).toEqual({
      'backstage-kubernetes-authorization-google': 'google-token',
    });
    expect(google.getAccessToken).toHaveBeenCalledWith(
      'https://www.googleapis.com/auth/cloud-platform.read-only',
    );
    expect(await userTokens.headersFor('aks')).toEqual({
      'backstage-kubernetes-authorization-aks': 'entra-token',
    });
    expect(microsoft.getAccessToken).toHaveBeenCalledWith(
      '6dae42f8-4368-4678-94ff-3960e28e3630/user.read',
    );
  });

  it('says which auth API is missing for an oidc provider the app did not map', async () => {
    server.use(
      http.get(`${baseUrl}/clusters/keycloak-cluster/auth`, () =>
        HttpResponse.json({
          name: 'keycloak-cluster',
          authProvider: 'oidc',
          oidcTokenProvider: 'keycloak',
          actsAsUser: true,
        }),
      ),
    );
    const { userTokens } = setup();
    await expect(userTokens.headersFor('keycloak-cluster')).rejects.toThrow(
      "Cluster 'keycloak-cluster' needs your own oidc token, but this app gives the kratix-dynamodb plugin no oidcProviders.keycloak",
    );
  });
});
