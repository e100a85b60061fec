import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api/ApiError';
import type { ApiTarget } from '../api/parseApiPath';
import type { RequestAttributes } from './authorizer';
import type { UserInfo } from './identities';

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

/** The apiserver's 403, worded as its responsewriters.Forbidden writes it. */
export function forbidden(a: RequestAttributes, reason = ''): ApiError {
  const username = a.user.username;
  let detail: string;
  let subject: string;
  if (!a.resourceRequest) {
    detail = `User "${username}" cannot ${a.verb} path "${a.path}"`;
    subject = 'forbidden';
  } else {
    const resource = a.subresource
      ? `${a.resource}/${a.subresource}`
      : a.resource;
    const scope = a.namespace
      ? `in the namespace "${a.namespace}"`
      : 'at the cluster scope';
    detail = `User "${username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
    const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
    subject = a.name
      ? `${qualified} "${a.name}" is forbidden`
      : `${qualified} is forbidden`;
  }
  return new ApiError(
    403,
    'Forbidden',
    `${subject}: ${detail}${reason ? `: ${reason}` : ''}`,
    a.resourceRequest
      ? { name: a.name, group: a.apiGroup, kind: a.resource }
      : {},
  );
}
