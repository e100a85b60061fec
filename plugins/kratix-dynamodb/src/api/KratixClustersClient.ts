import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { DryRunRequest, DryRunResult } from '@kratix-dynamodb/common';
import { KratixClustersApi } from './KratixClustersApi';

/** @public The HTTP client of the backend's cluster, namespace and dry-run routes. */
export class KratixClustersClient implements KratixClustersApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listClusters(): Promise<string[]> {
    return this.names('clusters');
  }

  listNamespaces(cluster: string): Promise<string[]> {
    return this.names(`clusters/${encodeURIComponent(cluster)}/namespaces`);
  }

  async dryRun(request: DryRunRequest): Promise<DryRunResult> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const response = await this.fetchApi.fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as DryRunResult;
  }

  private async names(path: string): Promise<string[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const response = await this.fetchApi.fetch(`${baseUrl}/${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as { items: { name: string }[] };
    return body.items.map(item => item.name);
  }
}
