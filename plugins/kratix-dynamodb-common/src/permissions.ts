import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Creating a DynamoDBRequest or a KubeVela Application from the scaffolder.
 * @public
 */
export const kratixDynamodbRequestCreatePermission = createPermission({
  name: 'kratix.dynamodb.request.create',
  attributes: { action: 'create' },
});

/**
 * Reading the status chain of a catalog entity.
 * @public
 */
export const kratixDynamodbStatusReadPermission = createPermission({
  name: 'kratix.dynamodb.status.read',
  attributes: { action: 'read' },
});

/** @public Every permission this plugin defines, for the permissions registry. */
export const kratixDynamodbPermissions = [
  kratixDynamodbRequestCreatePermission,
  kratixDynamodbStatusReadPermission,
];
