import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';

/**
 * Asks the permission framework on behalf of the user who started the task, not the
 * scaffolder's own identity, so a policy can keep some users from creating tables.
 */
export async function checkCreatePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: kratixDynamoDBRequestCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to create DynamoDB requests (permission ${kratixDynamoDBRequestCreatePermission.name})`,
    );
  }
}
