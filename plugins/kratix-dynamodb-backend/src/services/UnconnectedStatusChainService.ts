import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { STATUS_STAGE_IDS, StatusChain } from '@kratix-dynamodb/common';
import { StatusChainService } from './StatusChainService';

/**
 * The status chain before any cluster is read: every stage unknown, saying so. It keeps the
 * route honest while the cluster-backed service is not wired in.
 */
export class UnconnectedStatusChainService implements StatusChainService {
  async getStatusChain(entity: Entity): Promise<StatusChain> {
    return {
      entityRef: stringifyEntityRef(entity),
      overall: 'unknown',
      checkedAt: new Date().toISOString(),
      stages: STATUS_STAGE_IDS.map(id => ({
        id,
        state: 'unknown',
        summary: 'No cluster has been read for this stage',
        hint: 'Configure kratixDynamodb.clusters in app-config.yaml',
        conditions: [],
        links: [],
      })),
    };
  }
}
