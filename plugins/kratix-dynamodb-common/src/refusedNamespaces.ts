/**
 * Namespaces the platform keeps to itself: a table or app there could tamper with its
 * controllers. The scaffolder refuses them and the wizard's namespace picker leaves them out,
 * so both read the same list (kratixDynamodb.scaffolder.refusedNamespaces).
 */

/** @public The Kubernetes system namespaces and those where Kratix, ACK and KubeVela run. */
export const DEFAULT_REFUSED_NAMESPACES: readonly string[] = [
  'kube-*',
  'kratix-platform-system',
  'kratix-worker-system',
  'ack-system',
  'vela-system',
];

/**
 * The pattern (a name, or a prefix ending in `*`) that refuses this namespace, if any.
 * @public
 */
export function findRefusingPattern(
  namespace: string,
  patterns: readonly string[],
): string | undefined {
  return patterns.find(pattern =>
    pattern.endsWith('*')
      ? namespace.startsWith(pattern.slice(0, -1))
      : namespace === pattern,
  );
}
