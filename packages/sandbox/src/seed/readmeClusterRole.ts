import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../yamlText';
import { findRepoRoot } from '../kubeconfig';
import type { SandboxOptions } from '../SandboxOptions';
import { startSandbox, type Sandbox } from '../startSandbox';
import { apiClient } from './apiClient';
import { applyDynamoDBPromise } from './seedDynamoDBRequests';

/** The first line of the README's ClusterRole block, which is how the block is found. */
export const README_CLUSTER_ROLE_MARKER = '# kratix-dynamodb-clusterrole';
const SECTION = 'Using real clusters';

export type PolicyRule = {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
};

export type ClusterRoleManifest = {
  apiVersion: string;
  kind: 'ClusterRole';
  metadata: { name: string; labels?: Record<string, string> };
  rules: PolicyRule[];
};

/** One verb on one resource, as the apiserver names them in a 403: `dynamodbrequests`, `services/proxy`. */
export type Permission = { group: string; resource: string; verb: string };

/**
 * The ClusterRole of the README's "Using real clusters" section: the fenced yaml block in that
 * section whose first line is the marker comment. Exactly one such block must exist.
 */
export function readmeClusterRole(
  readmePath = path.join(findRepoRoot(), 'README.md'),
): ClusterRoleManifest {
  const markdown = fs.readFileSync(readmePath, 'utf8');
  const section = markdown
    .split(/^## /m)
    .find(part => part.startsWith(`${SECTION}\n`));
  if (!section) throw new Error(`${readmePath} has no "## ${SECTION}" section`);
  const blocks = [...section.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)]
    .map(match => match[1])
    .filter(block => block.startsWith(README_CLUSTER_ROLE_MARKER));
  if (blocks.length !== 1) {
    throw new Error(
      `"## ${SECTION}" in ${readmePath} should hold one yaml block starting with '${README_CLUSTER_ROLE_MARKER}', found ${blocks.length}`,
    );
  }
  const role = parseYaml(blocks[0]) as any;
  if (role?.kind !== 'ClusterRole' || !Array.isArray(role.rules))
    throw new Error(`the README's marked yaml block is not a ClusterRole`);
  return role;
}

/** Every verb the role grants, one per resource. */
export function permissionsOf(role: ClusterRoleManifest): Permission[] {
  return role.rules.flatMap(rule =>
    rule.apiGroups.flatMap(group =>
      rule.resources.flatMap(resource =>
        rule.verbs.map(verb => ({ group, resource, verb })),
      ),
    ),
  );
}

/** The role with one verb on one resource taken away, and everything else left as it was. */
export function withoutPermission(
  role: ClusterRoleManifest,
  removed: Permission,
): ClusterRoleManifest {
  const rules = role.rules.flatMap(rule => {
    if (
      !rule.apiGroups.includes(removed.group) ||
      !rule.resources.includes(removed.resource) ||
      !rule.verbs.includes(removed.verb)
    )
      return [rule];
    const others = rule.resources.filter(r => r !== removed.resource);
    const verbs = rule.verbs.filter(v => v !== removed.verb);
    return [
      ...(verbs.length
        ? [{ ...rule, resources: [removed.resource], verbs }]
        : []),
      ...(others.length ? [{ ...rule, resources: others }] : []),
    ];
  });
  return { ...role, rules };
}

export type RbacSandbox = {
  sandbox: Sandbox;
  /** The README's role, as applied at start. */
  role: ClusterRoleManifest;
  /** `system:serviceaccount:backstage:backstage`, bound to the role. */
  user: string;
  /** The ServiceAccount's bearer token: what the plugins run with. */
  token: string;
  /** How the cluster admin reaches the sandbox, for arranging objects (a plugin `ClusterConnection`). */
  adminConnection: {
    server: string;
    headers: Record<string, string>;
    rejectUnauthorized: boolean;
  };
  /** Replaces the ClusterRole's rules (as its admin would); RBAC applies them to the next request. */
  setRole(role: ClusterRoleManifest): Promise<void>;
};

/**
 * An RBAC-enabled sandbox with its controllers, the DynamoDB Promise applied by the admin, and a
 * ServiceAccount `backstage/backstage` bound to the README's ClusterRole.
 */
export async function startReadmeRbacSandbox(
  options: SandboxOptions = {},
): Promise<RbacSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    dynamodbPort: 0,
    kubeconfigPath: false,
    createTableMs: 100,
    ...options,
    rbac: true,
  });
  try {
    const admin = { url: sandbox.plainHttpUrl, token: sandbox.token };
    const call = apiClient(admin);
    await applyDynamoDBPromise(admin);
    const role = readmeClusterRole();
    const rbac = '/apis/rbac.authorization.k8s.io/v1';
    await call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'backstage' },
    });
    await call('POST', '/api/v1/namespaces/backstage/serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'backstage', namespace: 'backstage' },
    });
    await call('POST', `${rbac}/clusterroles`, role);
    await call('POST', `${rbac}/clusterrolebindings`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: role.metadata.name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: role.metadata.name,
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'backstage', namespace: 'backstage' },
      ],
    });
    const setRole = async (next: ClusterRoleManifest) => {
      const path_ = `${rbac}/clusterroles/${role.metadata.name}`;
      const current = await call('GET', path_);
      await call('PUT', path_, { ...current, rules: next.rules });
    };
    return {
      sandbox,
      role,
      user: 'system:serviceaccount:backstage:backstage',
      token: sandbox.serviceAccountToken('backstage', 'backstage'),
      adminConnection: {
        server: sandbox.plainHttpUrl,
        headers: { Authorization: `Bearer ${sandbox.token}` },
        rejectUnauthorized: true,
      },
      setRole,
    };
  } catch (e) {
    await sandbox.stop();
    throw e;
  }
}

/** Which package needs a permission: the status route, the catalog provider, the scaffolder actions. */
export type RoleUser = 'status' | 'catalog' | 'scaffolder';

/**
 * Who needs each permission of the README's role, by `verb resource`: the tests of each package
 * remove every permission listed for it and check that its feature fails naming it, and they
 * check that this table names exactly the role's permissions, so a verb nobody needs (or one
 * nobody tests) fails them.
 */
export const README_ROLE_USERS: Record<string, RoleUser[]> = {
  'list promises': ['status'],
  'watch promises': ['status'],
  'get dynamodbrequests': ['scaffolder'],
  'list dynamodbrequests': ['status', 'catalog', 'scaffolder'],
  'watch dynamodbrequests': ['status', 'catalog'],
  'create dynamodbrequests': ['scaffolder'],
  'list tables': ['status', 'scaffolder'],
  'watch tables': ['status'],
  'get applications': ['scaffolder'],
  'list applications': ['status', 'catalog'],
  'watch applications': ['status', 'catalog'],
  'create applications': ['scaffolder'],
  'get services/proxy': ['status'],
  'get services': ['status'],
};

/** The README role's permissions that `user` needs; throws when the table and the role disagree. */
export function permissionsUsedBy(
  role: ClusterRoleManifest,
  user: RoleUser,
): Permission[] {
  const granted = permissionsOf(role);
  const names = granted.map(p => `${p.verb} ${p.resource}`).sort();
  const listed = Object.keys(README_ROLE_USERS).sort();
  if (JSON.stringify(names) !== JSON.stringify(listed)) {
    throw new Error(
      `the README's ClusterRole grants [${names.join(
        ', ',
      )}] but README_ROLE_USERS lists [${listed.join(', ')}]`,
    );
  }
  return granted.filter(p =>
    README_ROLE_USERS[`${p.verb} ${p.resource}`].includes(user),
  );
}
