import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Creating a DynamoDBRequest or a KubeVela Application from the scaffolder. The scaffolder
 * module checks it, so the scaffolder module registers it.
 * @public
 */
export const kratixDynamodbRequestCreatePermission = createPermission({
  name: 'kratix.dynamodb.request.create',
  attributes: { action: 'create' },
});

/**
 * Reading the status chain of a catalog entity. The backend plugin checks it, so the backend
 * plugin registers it.
 * @public
 */
export const kratixDynamodbStatusReadPermission = createPermission({
  name: 'kratix.dynamodb.status.read',
  attributes: { action: 'read' },
});
