import type { KubernetesClient } from '@kratix-dynamodb/node';
import { throwIfInvalid } from '../inputs/fieldErrors';
import { findTableOwner, TableClaim } from './findTableOwner';

/**
 * A delivery precondition: refuses a table name and region that another request or Table on
 * the cluster already holds, naming its owner, as a field error on `path`.
 */
export function tableNameUnused(options: {
  actionId: string;
  claim: TableClaim;
  path: string;
}) {
  const { actionId, claim, path } = options;
  return async (client: KubernetesClient) => {
    const owner = await findTableOwner(client, claim);
    if (owner)
      throwIfInvalid(actionId, [
        {
          path,
          message: `table '${claim.tableName}' in ${claim.region} is already used by ${owner}; choose another name`,
        },
      ]);
  };
}
