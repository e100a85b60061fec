import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import type { UserInfo } from './identities';

/** What is asked, as the apiserver's authorizers see it (authorizer.Attributes). */
export type RequestAttributes = {
  user: UserInfo;
  verb: string;
} & (
  | {
      resourceRequest: true;
      apiGroup: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { resourceRequest: false; path: string }
);

export type Decision = { allowed: boolean; reason: string };

/** A SelfSubjectRulesReview's status: what a user may do in a namespace. */
export type RulesStatus = {
  resourceRules: PolicyRule[];
  nonResourceRules: PolicyRule[];
  incomplete: boolean;
};

export interface Authorizer {
  authorize(attributes: RequestAttributes): Decision;
  rulesFor(user: UserInfo, namespace?: string): RulesStatus;
}

/** RBAC off: every authenticated request is allowed (the sandbox's default). */
export const ALWAYS_ALLOW: Authorizer = {
  authorize: () => ({ allowed: true, reason: '' }),
  rulesFor: () => ({
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  }),
};

export type PolicyRule = {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};
type Subject = { kind: string; name: string; namespace?: string };
type Binding = KubeObject & {
  subjects?: Subject[];
  roleRef?: { kind: string; name: string };
};

/**
 * The RBAC authorizer, evaluated as upstream does (plugin/pkg/auth/authorizer/rbac): the
 * ClusterRoleBindings, then the RoleBindings of the request's namespace, each granting its
 * role's rules to the subjects it names; a request is allowed when any rule covers its verb,
 * API group, resource (exactly, as `resource/subresource`, or by a `*` wildcard, alone or in
 * place of the resource before a subresource) and name. There is
 * no deny; `system:masters` is allowed everything. Aggregated ClusterRoles are not expanded.
 */
export class RbacAuthorizer implements Authorizer {
  constructor(private readonly ops: ClusterOperations) {}

  authorize(a: RequestAttributes): Decision {
    if (a.user.groups.includes('system:masters'))
      return { allowed: true, reason: '' };
    for (const binding of this.#list('ClusterRoleBinding')) {
      if (!appliesTo(binding, a.user)) continue;
      const role = this.#role('ClusterRole', binding.roleRef?.name);
      if (role && (role.rules ?? []).some(r => covers(r, a)))
        return allowedBy(binding, a.user);
    }
    if (a.resourceRequest && a.namespace) {
      for (const binding of this.#list('RoleBinding', a.namespace)) {
        if (!appliesTo(binding, a.user)) continue;
        const kind = binding.roleRef?.kind === 'Role' ? 'Role' : 'ClusterRole';
        const role = this.#role(kind, binding.roleRef?.name, a.namespace);
        // Non-resource URLs are cluster-wide: a RoleBinding never grants them.
        if (role && (role.rules ?? []).some(r => covers(r, a)))
          return allowedBy(binding, a.user);
      }
    }
    return { allowed: false, reason: '' };
  }

  rulesFor(user: UserInfo, namespace?: string): RulesStatus {
    const rules: PolicyRule[] = [];
    for (const binding of this.#list('ClusterRoleBinding'))
      if (appliesTo(binding, user))
        rules.push(
          ...(this.#role('ClusterRole', binding.roleRef?.name)?.rules ?? []),
        );
    if (namespace)
      for (const binding of this.#list('RoleBinding', namespace)) {
        if (!appliesTo(binding, user)) continue;
        const kind = binding.roleRef?.kind === 'Role' ? 'Role' : 'ClusterRole';
        const granted: PolicyRule[] =
          this.#role(kind, binding.roleRef?.name, namespace)?.rules ?? [];
        rules.push(...granted.filter(r => !r.nonResourceURLs?.length));
      }
    return {
      resourceRules: rules
        .filter(r => r.resources?.length)
        .map(({ nonResourceURLs, ...r }) => r),
      nonResourceRules: rules
        .filter(r => r.nonResourceURLs?.length)
        .map(r => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
      incomplete: false,
    };
  }

  #list(kind: string, namespace?: string): Binding[] {
    const type = this.ops.registry.byKind('rbac.authorization.k8s.io', kind);
    return type ? (this.ops.list(type, namespace) as Binding[]) : [];
  }

  #role(
    kind: string,
    name: string | undefined,
    namespace?: string,
  ): { rules?: PolicyRule[] } | undefined {
    const type = this.ops.registry.byKind('rbac.authorization.k8s.io', kind);
    if (!type || !name) return undefined;
    return this.ops.tryGet(
      type,
      kind === 'Role' ? namespace : undefined,
      name,
    ) as { rules?: PolicyRule[] } | undefined;
  }
}

function appliesTo(binding: Binding, user: UserInfo): boolean {
  return (binding.subjects ?? []).some(s => {
    if (s.kind === 'User') return s.name === user.username;
    if (s.kind === 'Group') return user.groups.includes(s.name);
    if (s.kind === 'ServiceAccount') {
      const namespace = s.namespace || binding.metadata.namespace;
      return user.username === `system:serviceaccount:${namespace}:${s.name}`;
    }
    return false;
  });
}

function covers(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!matches(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) return nonResourceUrlMatches(rule, a.path);
  if (!matches(rule.apiGroups, a.apiGroup)) return false;
  const combined = a.subresource
    ? `${a.resource}/${a.subresource}`
    : a.resource;
  const resourceMatches = (rule.resources ?? []).some(
    r =>
      r === '*' ||
      r === combined ||
      (Boolean(a.subresource) && r === `*/${a.subresource}`),
  );
  if (!resourceMatches) return false;
  return (
    !rule.resourceNames?.length || rule.resourceNames.includes(a.name ?? '')
  );
}

function matches(values: string[] | undefined, wanted: string): boolean {
  return (values ?? []).some(v => v === '*' || v === wanted);
}

function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    url =>
      url === '*' ||
      url === path ||
      (url.endsWith('*') && path.startsWith(url.slice(0, -1))),
  );
}

function allowedBy(binding: Binding, user: UserInfo): Decision {
  const where = binding.metadata.namespace
    ? `RoleBinding "${binding.metadata.name}/${binding.metadata.namespace}"`
    : `ClusterRoleBinding "${binding.metadata.name}"`;
  return {
    allowed: true,
    reason: `RBAC: allowed by ${where} of ${binding.roleRef?.kind} "${binding.roleRef?.name}" to User "${user.username}"`,
  };
}
