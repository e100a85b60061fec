import type { IncomingMessage } from 'node:http';
import type { RequestAttributes } from '../auth/authorizer';
import type { UserInfo } from '../auth/identities';
import type { ApiTarget } from './parseApiPath';

/**
 * The authorizer's view of an HTTP request, derived as the apiserver's RequestInfo does: a
 * resource request names group, resource, subresource, namespace and name (a Namespace is its
 * own namespace; service proxying is the `services/proxy` subresource); anything else is a
 * path with the lower-cased HTTP method as its verb.
 */
export function attributesFor(
  user: UserInfo,
  req: IncomingMessage,
  pathname: string,
  target: ApiTarget | undefined,
  verb: string,
): RequestAttributes {
  if (target?.type === 'resource') {
    const namespace =
      target.namespace ??
      (target.group === '' && target.plural === 'namespaces'
        ? target.name
        : undefined);
    return {
      user,
      verb,
      resourceRequest: true,
      apiGroup: target.group,
      resource: target.plural,
      subresource: target.subresource,
      namespace,
      name: target.name,
    };
  }
  if (target?.type === 'proxy') {
    return {
      user,
      verb: httpVerb(req.method),
      resourceRequest: true,
      apiGroup: '',
      resource: 'services',
      subresource: 'proxy',
      namespace: target.namespace,
      name: target.service,
    };
  }
  return {
    user,
    verb: httpVerb(req.method),
    resourceRequest: false,
    path: pathname,
  };
}

function httpVerb(method: string | undefined): string {
  const m = (method ?? 'GET').toLowerCase();
  return m === 'head' ? 'get' : m;
}
