import { createPermission } from '@backstage/plugin-permission-common';

/**
 * What the create permission is decided on: a namespace on a cluster (the resource ref is
 * `<cluster>/<namespace>`). The scaffolder module registers the type, with rules on the
 * cluster, the namespace and the namespace's owners in the tenancy binding.
 * @public
 */
export const KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE =
  'kratix-dynamodb-namespace';

/**
 * Creating a DynamoDBRequest or a KubeVela Application from the scaffolder, in one namespace
 * of one cluster. A resource permission, so a policy can answer conditionally, e.g. "team-a
 * may create only in namespaces bound to team-a, on cluster X". The scaffolder module checks
 * it, so the scaffolder module registers it.
 * @public
 */
export const kratixDynamoDBRequestCreatePermission = createPermission({
  name: 'kratix.dynamodb.request.create',
  attributes: { action: 'create' },
  resourceType: KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE,
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
