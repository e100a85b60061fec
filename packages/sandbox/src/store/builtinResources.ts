import type { ResourceType } from './ResourceType';

/**
 * The built-in kinds the sandbox serves. Only the ones this project touches (plus a few that
 * kubectl lists by habit, such as pods and events, and the RBAC kinds) are here; they are stored
 * but not schema-checked. Pods, Services and Deployments are in the `all` category, as upstream.
 */
function builtin(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    hasStatusSubresource: false,
    ...extra,
  };
}

const RBAC = 'rbac.authorization.k8s.io';
const AUTHZ = 'authorization.k8s.io';

/** A create-only kind that is answered, never stored (access reviews, `auth whoami`). */
function review(
  group: string,
  kind: string,
  plural: string,
  namespaced: boolean,
): ResourceType {
  return builtin(group, 'v1', kind, plural, namespaced, { verbs: ['create'] });
}

export const BUILTIN_RESOURCES: ResourceType[] = [
  builtin('', 'v1', 'Namespace', 'namespaces', false, {
    shortNames: ['ns'],
    hasStatusSubresource: true,
  }),
  builtin('', 'v1', 'Service', 'services', true, {
    shortNames: ['svc'],
    categories: ['all'],
    hasStatusSubresource: true,
  }),
  builtin('', 'v1', 'Pod', 'pods', true, {
    shortNames: ['po'],
    categories: ['all'],
    hasStatusSubresource: true,
  }),
  builtin('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  builtin('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  builtin('', 'v1', 'Secret', 'secrets', true),
  builtin('', 'v1', 'ServiceAccount', 'serviceaccounts', true, {
    shortNames: ['sa'],
  }),
  builtin('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
    categories: ['all'],
    hasStatusSubresource: true,
  }),
  builtin('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, {
    shortNames: ['pdb'],
    hasStatusSubresource: true,
  }),
  builtin(
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
    {
      shortNames: ['crd', 'crds'],
      hasStatusSubresource: true,
    },
  ),
  builtin(RBAC, 'v1', 'Role', 'roles', true),
  builtin(RBAC, 'v1', 'ClusterRole', 'clusterroles', false),
  builtin(RBAC, 'v1', 'RoleBinding', 'rolebindings', true),
  builtin(RBAC, 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  review(AUTHZ, 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false),
  review(AUTHZ, 'SubjectAccessReview', 'subjectaccessreviews', false),
  review(AUTHZ, 'LocalSubjectAccessReview', 'localsubjectaccessreviews', true),
  review(AUTHZ, 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false),
  review(
    'authentication.k8s.io',
    'SelfSubjectReview',
    'selfsubjectreviews',
    false,
  ),
];

/** Namespaces that exist on every fresh cluster. */
export const INITIAL_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];
