/**
 * Serving the API under a path prefix, as Rancher does (`https://rancher/k8s/clusters/c-1`):
 * clients must keep the kubeconfig server's path in front of every request, which a client that
 * builds URLs from the host alone gets wrong.
 */

/** `k8s/clusters/c-1/` → `/k8s/clusters/c-1`; empty or `/` → undefined (no prefix). */
export function normalizePathPrefix(
  prefix: string | undefined,
): string | undefined {
  const trimmed = (prefix ?? '').trim().replace(/\/+$/, '');
  if (!trimmed) return undefined;
  const normalized = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (/[?#\s]/.test(normalized) || normalized.split('/').includes('..'))
    throw new Error(`invalid pathPrefix: ${JSON.stringify(prefix)}`);
  return normalized;
}

/** The path below the prefix, or undefined when the request is not under it (a 404). */
export function stripPathPrefix(
  pathname: string,
  prefix: string | undefined,
): string | undefined {
  if (!prefix) return pathname;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`)
    ? pathname.slice(prefix.length)
    : undefined;
}
