import { ApiError } from '../errors/ApiError';
import type { RequestAttributes } from './authorizer';

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
