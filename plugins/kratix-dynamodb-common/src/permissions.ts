import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Creating a DynamoDBRequest or a KubeVela Application from the scaffolder. The scaffolder
 * module checks it, so the scaffolder module registers it.
 * @public
 */
export const kratixDynamoDBRequestCreatePermission = createPermission({
  name: 'kratix.dynamodb.request.create',
  attributes: { action: 'create' },
});

/** The catalog's own resource type, so that policies can use the catalog's rules (isEntityOwner). */
const CATALOG_ENTITY = 'catalog-entity';

/**
 * Reading the status chain of a catalog entity. A resource permission on the entity, so a
 * policy can say "only the owners of this entity", with the catalog's own rules. The backend
 * plugin checks it, so the backend plugin registers it.
 * @public
 */
export const kratixDynamoDBStatusReadPermission = createPermission({
  name: 'kratix.dynamodb.status.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY,
});

/**
 * Reading the cluster objects behind an entity's card, whole (images, environment values):
 * the detail tab's YAML. Separate from the status, which says only what is wrong.
 * @public
 */
export const kratixDynamoDBObjectsReadPermission = createPermission({
  name: 'kratix.dynamodb.objects.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY,
});
