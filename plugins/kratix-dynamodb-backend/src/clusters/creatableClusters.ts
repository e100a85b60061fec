import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { decideCreate } from '@kratix-dynamodb/node';

/**
 * The clusters among `names` that the user may create on, as far as can be told before a
 * namespace is chosen: one policy call, asked as the user (never the plugin's own identity).
 */
export async function creatableClusters(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  names: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const decision = await decideCreate({ permissions, credentials });
  return names.filter(name => decision.mayAllowOnCluster(name));
}
