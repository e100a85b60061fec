import type { IncomingMessage } from 'node:http';
import type { Authorizer } from '../auth/authorizer';
import type { Identities, UserInfo } from '../auth/identities';
import { impersonate } from '../auth/impersonation';
import { forbidden } from '../auth/forbidden';
import { attributesFor } from './requestAttributes';
import type { ClusterOperations } from '../store/ClusterOperations';
import { ApiError } from '../errors/ApiError';
import type { ApiTarget } from './parseApiPath';

export type AuthDeps = {
  ops: ClusterOperations;
  identities: Identities;
  authorizer: Authorizer;
};

/** The bearer token's identity, or undefined (the caller answers 401). */
export function authenticate(
  deps: AuthDeps,
  req: IncomingMessage,
): UserInfo | undefined {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
  const serviceAccounts = deps.ops.registry.byKind('', 'ServiceAccount')!;
  return deps.identities.authenticate(
    token,
    (namespace, name) =>
      deps.ops.tryGet(serviceAccounts, namespace, name) !== undefined,
  );
}

/**
 * The apiserver's filter chain after authentication: impersonation, then authorization of
 * the request as the (possibly impersonated) user. Returns the user the request runs as.
 */
export function authorizeRequest(
  deps: AuthDeps,
  req: IncomingMessage,
  caller: UserInfo | undefined,
  pathname: string,
  target: ApiTarget | undefined,
  verb: string,
): UserInfo {
  if (!caller) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  const user = impersonate(req, caller, deps.authorizer);
  const attributes = attributesFor(user, req, pathname, target, verb);
  const decision = deps.authorizer.authorize(attributes);
  if (!decision.allowed) throw forbidden(attributes, decision.reason);
  return user;
}
