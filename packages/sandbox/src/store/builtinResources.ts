import type { ResourceType } from './ResourceType';

/**
 * The built-in kinds the sandbox serves. Only the ones this project touches (plus a few that
 * kubectl lists by habit, such as pods and events) are here; they are stored but not schema-checked.
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

export const BUILTIN_RESOURCES: ResourceType[] = [
  builtin('', 'v1', 'Namespace', 'namespaces', false, {
    shortNames: ['ns'],
    hasStatusSubresource: true,
  }),
  builtin('', 'v1', 'Service', 'services', true, {
    shortNames: ['svc'],
    hasStatusSubresource: true,
  }),
  builtin('', 'v1', 'Pod', 'pods', true, {
    shortNames: ['po'],
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
];

/** Namespaces that exist on every fresh cluster. */
export const INITIAL_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];
