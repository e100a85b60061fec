import type { ServerResponse } from 'node:http';
import type { Identities } from '../auth/identities';
import type { ClusterOperations } from '../store/ClusterOperations';
import { sendJson } from './httpIo';

const DEFAULT_EXPIRATION_SECONDS = 3600;

/**
 * `POST .../serviceaccounts/<name>/token` (`kubectl create token`): a TokenRequest answered with
 * a bearer token for that ServiceAccount. The sandbox's tokens are signed, not stored, and do
 * not expire; the expiration the client asked for is reported back all the same.
 */
export function handleTokenRequest(
  ops: ClusterOperations,
  identities: Identities,
  namespace: string,
  name: string,
  body: any,
  res: ServerResponse,
): number {
  // 404 with the apiserver's wording when the ServiceAccount does not exist.
  ops.get(ops.registry.byKind('', 'ServiceAccount')!, namespace, name);
  const seconds = body?.spec?.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace },
    spec: { audiences: [], ...body?.spec, expirationSeconds: seconds },
    status: {
      token: identities.serviceAccountToken(namespace, name),
      expirationTimestamp: new Date(Date.now() + seconds * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    },
  });
  return 201;
}
