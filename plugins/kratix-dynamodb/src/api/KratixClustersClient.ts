import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { DryRunRequest, DryRunResult } from '@kratix-dynamodb/common';
import { KratixClustersApi } from './KratixClustersApi';
import type { KratixUserTokensApi } from './KratixUserTokensApi';

/** @public The HTTP client of the backend's cluster, namespace and dry-run routes. */
export class KratixClustersClient implements KratixClustersApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly userTokens?: KratixUserTokensApi;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    /** Without it, no user token is sent: clusters that act as each user then refuse. */
    userTokens?: KratixUserTokensApi;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.userTokens = options.userTokens;
  }

  listClusters(): Promise<string[]> {
    return this.names('clusters');
  }

  async listNamespaces(cluster: string): Promise<string[]> {
    return this.names(
      `clusters/${encodeURIComponent(cluster)}/namespaces`,
      await this.userHeaders(cluster),
    );
  }

  async dryRun(request: DryRunRequest): Promise<DryRunResult> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const response = await this.fetchApi.fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(await this.userHeaders(request.cluster)),
      },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as DryRunResult;
  }

  /** The user's own token, for a cluster that acts as each user. */
  private async userHeaders(cluster: string): Promise<Record<string, string>> {
    return this.userTokens ? this.userTokens.headersFor(cluster) : {};
  }

  private async names(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<string[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const response = await this.fetchApi.fetch(`${baseUrl}/${path}`, {
      headers,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as { items: { name: string }[] };
    return body.items.map(item => item.name);
  }
}
