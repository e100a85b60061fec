import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE,
  findRefusingPattern,
} from '@kratix-dynamodb/common';
import { z } from 'zod';
import { normalizeOwnerRef } from '../tenancy/readTenancy';

/**
 * Where something would be created: a namespace on a cluster, with the owners the tenancy
 * binding gives that namespace. What the create permission's rules look at.
 * @public
 */
export type KratixDynamoDBNamespaceResource = {
  cluster: string;
  namespace: string;
  /** Full, lower-case entity refs from `kratixDynamodb.tenancy.namespaces`. */
  owners: string[];
};

/**
 * The create permission's resource type. The scaffolder module registers it with the
 * scaffolder, whose actions check the permission.
 * @public
 */
export const kratixDynamoDBNamespaceResourceRef = createPermissionResourceRef<
  KratixDynamoDBNamespaceResource,
  {}
>().with({
  pluginId: 'scaffolder',
  resourceType: KRATIX_DYNAMODB_NAMESPACE_RESOURCE_TYPE,
});

// Nothing lists namespaces through a query: every decision is applied to one namespace at a
// time, so the rules have no query form (the scaffolder's action rules do the same).
const noQuery = () => ({});

/** @public The cluster is one of these (names from kratixDynamodb.clusters). */
export const isCluster = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow creating only on the named clusters',
  resourceRef: kratixDynamoDBNamespaceResourceRef,
  paramsSchema: z.object({
    clusters: z
      .array(z.string())
      .describe('Cluster names from kratixDynamodb.clusters'),
  }),
  apply: (resource, { clusters }) => clusters.includes(resource.cluster),
  toQuery: noQuery,
});

/** @public The namespace matches one of these names or `prefix*` patterns. */
export const namespaceMatches = createPermissionRule({
  name: 'NAMESPACE_MATCHES',
  description:
    'Allow creating only in namespaces with these names, or starting with a prefix written as prefix*',
  resourceRef: kratixDynamoDBNamespaceResourceRef,
  paramsSchema: z.object({
    namespaces: z
      .array(z.string())
      .describe('Namespace names, or prefixes followed by *'),
  }),
  apply: (resource, { namespaces }) =>
    findRefusingPattern(resource.namespace, namespaces) !== undefined,
  toQuery: noQuery,
});

/**
 * @public The namespace is bound, in the tenancy binding, to one of these owners. A policy
 * passes the user's ownership refs (`user.info.ownershipEntityRefs`), as with the catalog's
 * isEntityOwner; a namespace bound to nobody matches nobody.
 */
export const isNamespaceOwner = createPermissionRule({
  name: 'IS_NAMESPACE_OWNER',
  description:
    'Allow creating only in namespaces that kratixDynamodb.tenancy binds to one of the given owners (the user and their groups)',
  resourceRef: kratixDynamoDBNamespaceResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs of the owners, usually the user ownership entity refs',
      ),
  }),
  apply: (resource, { claims }) =>
    claims.some(claim => {
      const ref = normalizeOwnerRef(claim);
      return ref !== undefined && resource.owners.includes(ref);
    }),
  toQuery: noQuery,
});

/** @public Every rule of the create permission, by the name a policy uses. */
export const kratixDynamoDBCreateRules = {
  isCluster,
  namespaceMatches,
  isNamespaceOwner,
};

const exported = createConditionExports({
  resourceRef: kratixDynamoDBNamespaceResourceRef,
  rules: kratixDynamoDBCreateRules,
});

/**
 * Conditions for policies, e.g.
 * `kratixDynamoDBCreateConditions.isNamespaceOwner({ claims: user.info.ownershipEntityRefs })`.
 * @public
 */
export const kratixDynamoDBCreateConditions = exported.conditions;

/** @public Wraps conditions into the decision a policy returns for the create permission. */
export const createKratixDynamoDBCreateConditionalDecision =
  exported.createConditionalDecision;
