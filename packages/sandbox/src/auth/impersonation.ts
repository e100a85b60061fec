import type { IncomingMessage } from 'node:http';
import { badRequest } from '../errors/ApiError';
import type { Authorizer, RequestAttributes } from './authorizer';
import {
  parseServiceAccountUser,
  serviceAccountUser,
  withAuthenticated,
  type UserInfo,
} from './identities';
import { forbidden } from './forbidden';

/**
 * Honours `Impersonate-User`, `Impersonate-Group` and `Impersonate-Uid` (kubectl `--as`,
 * `--as-group`, `--as-uid`) as the apiserver's impersonation filter does: the caller needs the
 * `impersonate` verb on `users` (or on the `serviceaccounts` object for
 * `system:serviceaccount:<ns>:<name>`), on each `groups` and on `uids`; the request then runs
 * as that user, with the given groups plus `system:authenticated` (a ServiceAccount also gets
 * its own groups).
 */
export function impersonate(
  req: IncomingMessage,
  caller: UserInfo,
  authorizer: Authorizer,
): UserInfo {
  const headers = req.headersDistinct;
  const username = headers['impersonate-user']?.[0];
  const groups = headers['impersonate-group'] ?? [];
  const uid = headers['impersonate-uid']?.[0];
  if (!username) {
    if (groups.length || uid)
      throw badRequest(
        'requested impersonation of groups or a uid without impersonating a user',
      );
    return caller;
  }
  const check = (resource: string, name: string, namespace?: string): void => {
    const attributes: RequestAttributes = {
      user: caller,
      verb: 'impersonate',
      resourceRequest: true,
      apiGroup: resource === 'uids' ? 'authentication.k8s.io' : '',
      resource,
      name,
      namespace,
    };
    if (!authorizer.authorize(attributes).allowed) throw forbidden(attributes);
  };
  const serviceAccount = parseServiceAccountUser(username);
  let impersonated: UserInfo;
  if (serviceAccount) {
    check('serviceaccounts', serviceAccount[1], serviceAccount[0]);
    const base = serviceAccountUser(...serviceAccount);
    impersonated = {
      ...base,
      groups: [...new Set([...groups, ...base.groups])],
    };
  } else {
    check('users', username);
    impersonated = { username, groups: withAuthenticated(groups) };
  }
  for (const group of groups) check('groups', group);
  if (uid) {
    check('uids', uid);
    impersonated.uid = uid;
  }
  return impersonated;
}
