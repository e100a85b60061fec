import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { StatusChain } from '@kratix-dynamodb/common';
import { KratixDynamoDBApi } from './KratixDynamoDBApi';
import type { KratixUserTokensApi } from './KratixUserTokensApi';

/** @public The HTTP client of the kratix-dynamodb backend. */
export class KratixDynamoDBClient implements KratixDynamoDBApi {
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

  async getStatusChain(
    entityRef: CompoundEntityRef,
    options: { includeObjects?: boolean; cluster?: string } = {},
  ): Promise<StatusChain> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kratix-dynamodb');
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    const query = options.includeObjects ? '?objects=true' : '';
    // The entity's cluster may act as each user: then the user's own token goes along.
    const headers =
      options.cluster && this.userTokens
        ? await this.userTokens.headersFor(options.cluster)
        : {};
    const response = await this.fetchApi.fetch(
      `${baseUrl}/status/${path}${query}`,
      { headers },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as StatusChain;
  }
}
