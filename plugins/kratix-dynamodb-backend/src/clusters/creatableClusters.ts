import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';

/**
 * The clusters among `names` that the user may create on: one decision per cluster, in one
 * batch, asked as the user (never the plugin's own identity).
 */
export async function creatableClusters(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  names: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const decisions = await permissions.authorize(
    names.map(() => ({ permission: kratixDynamoDBRequestCreatePermission })),
    { credentials },
  );
  return names.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW);
}
