import type {
  DiscoveryApi,
  FetchApi,
  OAuthApi,
  OpenIdConnectApi,
} from '@backstage/core-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import {
  type ClusterAuthInfo,
  kubernetesUserTokenHeader,
} from '@kratix-dynamodb/common';
import type { KratixUserTokensApi } from './KratixUserTokensApi';

/** The scope of Azure's "AKS AAD Server" application, whose access tokens AKS accepts. */
const AKS_SCOPE = '6dae42f8-4368-4678-94ff-3960e28e3630/user.read';
/** What GKE needs to read; RBAC on the cluster decides the rest. */
const GOOGLE_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';

/** @public The Backstage auth APIs that hand out the user's Kubernetes tokens. */
export type KratixUserTokensAuthApis = {
  /** For `authProvider: google`: an access token. */
  googleAuthApi?: OAuthApi;
  /** For `authProvider: aks`: an access token for the AKS server application. */
  microsoftAuthApi?: OAuthApi;
  /**
   * For `authProvider: oidc`: the ID token of the auth API named by the cluster's
   * `oidcTokenProvider` (e.g. `okta`, `microsoft`, `gitlab`), like the Kubernetes plugin's
   * `oidcProviders`.
   */
  oidcProviders?: Record<string, OpenIdConnectApi>;
};

/**
 * @public Asks the backend once per cluster which token it needs
 * (`GET /clusters/:cluster/auth`, provider names only), and for a cluster that acts as each
 * user gets the token from the matching auth API at every request, so it is always current.
 */
export class KratixUserTokensClient implements KratixUserTokensApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly authApis: KratixUserTokensAuthApis;
  private readonly authByCluster = new Map<string, Promise<ClusterAuthInfo>>();

  constructor(
    options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    } & KratixUserTokensAuthApis,
  ) {
    const { discoveryApi, fetchApi, ...authApis } = options;
    this.discoveryApi = discoveryApi;
    this.fetchApi = fetchApi;
    this.authApis = authApis;
  }

  async headersFor(cluster: string): Promise<Record<string, string>> {
    const auth = await this.clusterAuth(cluster);
    if (!auth.actsAsUser) return {};
    return { [kubernetesUserTokenHeader(auth)]: await this.userToken(auth) };
  }

  private userToken(auth: ClusterAuthInfo): Promise<string> {
    const provider = auth.authProvider.toLocaleLowerCase('en-US');
    if (provider === 'google') {
      return this.need(
        this.authApis.googleAuthApi,
        auth,
        'googleAuthApi',
      ).getAccessToken(GOOGLE_SCOPE);
    }
    if (provider === 'aks') {
      return this.need(
        this.authApis.microsoftAuthApi,
        auth,
        'microsoftAuthApi',
      ).getAccessToken(AKS_SCOPE);
    }
    const name = auth.oidcTokenProvider ?? '';
    return this.need(
      this.authApis.oidcProviders?.[name],
      auth,
      `oidcProviders.${name}`,
    ).getIdToken();
  }

  private need<T>(api: T | undefined, auth: ClusterAuthInfo, what: string): T {
    if (api) return api;
    throw new InputError(
      `Cluster '${auth.name}' needs your own ${auth.authProvider} token, but this app gives the kratix-dynamodb plugin no ${what}; override the plugin.kratix-dynamodb.user-tokens API to add it`,
    );
  }

  /** Cached per cluster; a failed answer is forgotten so the next request asks again. */
  private clusterAuth(cluster: string): Promise<ClusterAuthInfo> {
    let auth = this.authByCluster.get(cluster);
    if (!auth) {
      auth = this.fetchClusterAuth(cluster);
      this.authByCluster.set(cluster, auth);
      auth.catch(() => this.authByCluster.delete(cluster));
    }
    return auth;
  }

  private async fetchClusterAuth(cluster: string): Promise<ClusterAuthInfo> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/clusters/${encodeURIComponent(cluster)}/auth`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as ClusterAuthInfo;
  }
}
