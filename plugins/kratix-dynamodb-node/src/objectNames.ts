import { InputError } from '@backstage/errors';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Printable ASCII: Kubernetes allows more for path-segment names, but a client has no need to. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Kinds whose names Kubernetes checks only as path segments (RBAC); every other kind this
 * client meets is a DNS-1123 subdomain, except Services (DNS-1035 labels).
 */
const PATH_SEGMENT_KINDS = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

/**
 * Why `name` cannot name an object of `kind`, or undefined when it can.
 * @public
 */
export function objectNameProblem(
  kind: string,
  name: unknown,
): string | undefined {
  if (typeof name !== 'string' || name === '')
    return 'must be a non-empty string';
  // '.' and '..' would walk the URL up to the collection: a GET becomes a LIST, a DELETE a collection delete.
  if (name === '.' || name === '..') return `may not be "${name}"`;
  if (name.includes('/') || name.includes('%'))
    return 'may not contain "/" or "%"';
  if (!PRINTABLE_ASCII.test(name))
    return 'may contain only printable ASCII characters';
  if (PATH_SEGMENT_KINDS.has(kind)) return undefined;
  if (kind === 'Namespace') return namespaceProblem(name);
  if (kind === 'Service') {
    if (name.length > 63 || !DNS_1035_LABEL.test(name))
      return 'must be a DNS-1035 label: at most 63 lowercase letters, digits and "-", starting with a letter';
    return undefined;
  }
  if (name.length > 253 || !DNS_1123_SUBDOMAIN.test(name))
    return 'must be a DNS-1123 subdomain: at most 253 lowercase letters, digits, "-" and "."';
  return undefined;
}

/**
 * Why `namespace` cannot name a namespace, or undefined when it can.
 * @public
 */
export function namespaceProblem(namespace: unknown): string | undefined {
  if (typeof namespace !== 'string' || namespace === '')
    return 'must be a non-empty string';
  if (namespace.length > 63 || !DNS_1123_LABEL.test(namespace))
    return 'must be a DNS-1123 label: at most 63 lowercase letters, digits and "-"';
  return undefined;
}

/** Throws an InputError naming `field` when `name` cannot name an object of `kind`. */
export function assertObjectName(
  field: string,
  kind: string,
  name: unknown,
): asserts name is string {
  const problem = objectNameProblem(kind, name);
  if (problem)
    throw new InputError(
      `${field} ${JSON.stringify(
        name,
      )} is not a valid ${kind} name: it ${problem}`,
    );
}

/** Throws an InputError naming `field` when `namespace` cannot name a namespace. */
export function assertNamespace(
  field: string,
  namespace: unknown,
): asserts namespace is string {
  const problem = namespaceProblem(namespace);
  if (problem)
    throw new InputError(
      `${field} ${JSON.stringify(
        namespace,
      )} is not a valid namespace: it ${problem}`,
    );
}
