import type { CustomResourceRegistry } from '../store/ResourceRegistry';
import type { ResourceType } from '../store/ResourceType';

const VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

/** The kubectl-facing version: a 1.32 server, so kubectl's version-skew check stays quiet. */
export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-sandbox',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23',
    compiler: 'gc',
    platform: `${process.platform}/${
      process.arch === 'x64' ? 'amd64' : process.arch
    }`,
  };
}

/** `/api`. Answered as plain APIVersions: kubectl accepts that in place of aggregated discovery. */
export function coreApiVersions(
  serverAddress: string,
): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(
  registry: CustomResourceRegistry,
  name: string,
): Record<string, unknown> {
  const versions = [
    ...new Set(
      registry
        .all()
        .filter(t => t.group === name)
        .map(t => t.version),
    ),
  ].map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions, preferredVersion: versions[0] };
}

/** `/apis`: every named group, built-in or registered by a CRD. */
export function apiGroupList(
  registry: CustomResourceRegistry,
): Record<string, unknown> {
  const names = [
    ...new Set(
      registry
        .all()
        .map(t => t.group)
        .filter(Boolean),
    ),
  ];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: names.map(n => apiGroup(registry, n)),
  };
}

export function apiGroupDocument(
  registry: CustomResourceRegistry,
  group: string,
): Record<string, unknown> | undefined {
  if (!registry.all().some(t => t.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(registry, group) };
}

/** `/api/v1` and `/apis/<group>/<version>`: the resources, their verbs and subresources. */
export function apiResourceList(
  registry: CustomResourceRegistry,
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = registry.inGroupVersion(group, version);
  if (!types.length) return undefined;
  const resources = types.flatMap(t => [
    resourceEntry(t),
    ...subresourceEntries(t),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

function resourceEntry(t: ResourceType): Record<string, unknown> {
  return {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs ?? VERBS,
    ...(t.shortNames?.length ? { shortNames: t.shortNames } : {}),
    ...(t.categories?.length ? { categories: t.categories } : {}),
  };
}

function subresourceEntries(t: ResourceType): Array<Record<string, unknown>> {
  const entries: Array<Record<string, unknown>> = [];
  if (t.hasStatusSubresource) {
    entries.push({
      name: `${t.plural}/status`,
      singularName: '',
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (t.kind === 'Deployment' && t.group === 'apps') {
    entries.push({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (t.kind === 'ServiceAccount' && !t.group) {
    entries.push({
      name: 'serviceaccounts/token',
      singularName: '',
      namespaced: true,
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
      verbs: ['create'],
    });
  }
  if (t.kind === 'Service' && !t.group) {
    entries.push({
      name: 'services/proxy',
      singularName: '',
      namespaced: true,
      kind: 'ServiceProxyOptions',
      verbs: ['create', 'delete', 'get', 'patch', 'update'],
    });
  }
  return entries;
}
