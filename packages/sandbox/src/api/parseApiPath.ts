/** Where a request under /api or /apis points. */
export type ApiTarget =
  | { type: 'discovery'; group: string; version?: string }
  | {
      type: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | { type: 'proxy'; namespace: string; service: string; path: string };

/**
 * Splits `/api/v1/namespaces/ns/services/x:80/proxy/health` and the like into parts. Namespaces
 * are both a resource and a scope, so `/api/v1/namespaces/a/status` is the namespace's own status.
 */
export function parseApiPath(pathname: string): ApiTarget | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'discovery', group: '' };
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'discovery', group: '*' };
    group = parts[1];
    rest = parts.slice(2);
    if (rest.length === 0) return { type: 'discovery', group };
  } else {
    return undefined;
  }
  const [version, ...path] = rest;
  if (path.length === 0) return { type: 'discovery', group, version };
  const scopedToNamespace =
    path[0] === 'namespaces' &&
    path.length >= 3 &&
    !(path.length === 3 && ['status', 'finalize'].includes(path[2]));
  if (scopedToNamespace) {
    const [, namespace, plural, name, subresource, ...tail] = path;
    if (!group && plural === 'services' && subresource === 'proxy' && name) {
      return {
        type: 'proxy',
        namespace,
        service: name,
        path: `/${tail.join('/')}${
          pathname.endsWith('/') && tail.length ? '/' : ''
        }`,
      };
    }
    return {
      type: 'resource',
      group,
      version,
      plural,
      namespace,
      name,
      subresource,
    };
  }
  const [plural, name, subresource] = path;
  return { type: 'resource', group, version, plural, name, subresource };
}
