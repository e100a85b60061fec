import type { ClusterOperations } from '../store/ClusterOperations';

const RBAC = 'rbac.authorization.k8s.io';
const BOOTSTRAP = {
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
};

/**
 * The apiserver's bootstrap roles that matter to a client: cluster-admin for `system:masters`,
 * discovery, the self reviews (`kubectl auth can-i`, `auth whoami`) and the public health
 * endpoints for everyone signed in. The aggregated `admin`/`edit`/`view` roles are not
 * created: the sandbox does not aggregate ClusterRoles.
 */
const CLUSTER_ROLES: Record<string, unknown[]> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  'system:discovery': [
    {
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/healthz',
        '/livez',
        '/openapi',
        '/openapi/*',
        '/readyz',
        '/version',
        '/version/',
      ],
      verbs: ['get'],
    },
  ],
  'system:basic-user': [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
    {
      apiGroups: ['authentication.k8s.io'],
      resources: ['selfsubjectreviews'],
      verbs: ['create'],
    },
  ],
  'system:public-info-viewer': [
    {
      nonResourceURLs: [
        '/healthz',
        '/livez',
        '/readyz',
        '/version',
        '/version/',
      ],
      verbs: ['get'],
    },
  ],
};

const BINDINGS: Record<string, string> = {
  'cluster-admin': 'system:masters',
  'system:discovery': 'system:authenticated',
  'system:basic-user': 'system:authenticated',
  'system:public-info-viewer': 'system:authenticated',
};

/** Creates the bootstrap roles and bindings that are missing (a persisted cluster keeps its own). */
export function ensureBootstrapPolicy(ops: ClusterOperations): void {
  const roles = ops.registry.byKind(RBAC, 'ClusterRole')!;
  const bindings = ops.registry.byKind(RBAC, 'ClusterRoleBinding')!;
  for (const [name, rules] of Object.entries(CLUSTER_ROLES)) {
    if (!ops.tryGet(roles, undefined, name))
      ops.create(roles, undefined, {
        apiVersion: `${RBAC}/v1`,
        kind: 'ClusterRole',
        metadata: { name, ...BOOTSTRAP },
        rules,
      });
  }
  for (const [name, group] of Object.entries(BINDINGS)) {
    if (!ops.tryGet(bindings, undefined, name))
      ops.create(bindings, undefined, {
        apiVersion: `${RBAC}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: { name, ...BOOTSTRAP },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name },
        subjects: [{ apiGroup: RBAC, kind: 'Group', name: group }],
      });
  }
}
