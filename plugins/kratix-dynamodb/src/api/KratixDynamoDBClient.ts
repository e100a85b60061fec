import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { StatusChain } from '@kratix-dynamodb/common';
import { KratixDynamoDBApi } from './KratixDynamoDBApi';

/** @public The HTTP client of the kratix-dynamodb backend. */
export class KratixDynamoDBClient implements KratixDynamoDBApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getStatusChain(
    entityRef: CompoundEntityRef,
    options: { includeObjects?: boolean } = {},
  ): Promise<StatusChain> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    const query = options.includeObjects ? '?objects=true' : '';
    const response = await this.fetchApi.fetch(
      `${baseUrl}/status/${path}${query}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as StatusChain;
  }
}
