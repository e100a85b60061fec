import type { ServerResponse } from 'node:http';
import type { Identities } from '../auth/identities';
import type { ClusterOperations } from '../store/ClusterOperations';
import { invalid, type StatusCause } from '../errors/ApiError';
import { sendJson } from './httpIo';

/** The apiserver's default when the request names no lifetime. */
const DEFAULT_EXPIRATION_SECONDS = 3600;
/** The apiserver's floor (ValidateTokenRequest): ten minutes. */
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

export type TokenRequestOptions = {
  /**
   * Accept lifetimes down to 1 s instead of the apiserver's 600 s floor, so that tests can watch
   * a client outlive several tokens in seconds. A deliberate deviation, off by default.
   */
  shortTokenLifetimes?: boolean;
};

const TOKEN_REQUEST = {
  group: 'authentication.k8s.io',
  plural: 'tokenrequests',
  kind: 'TokenRequest',
};

/**
 * `POST .../serviceaccounts/<name>/token` (`kubectl create token`): a TokenRequest answered with
 * a bearer token for that ServiceAccount that stops working at the `expirationTimestamp` it
 * reports (then every request with it gets 401, as from the apiserver).
 */
export function handleTokenRequest(
  ops: ClusterOperations,
  identities: Identities,
  options: TokenRequestOptions,
  target: { namespace: string; name: string },
  body: any,
  res: ServerResponse,
): number {
  const { namespace, name } = target;
  // 404 with the apiserver's wording when the ServiceAccount does not exist.
  ops.get(ops.registry.byKind('', 'ServiceAccount')!, namespace, name);
  const seconds = body?.spec?.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  const causes = validateLifetime(seconds, options);
  if (causes.length) throw invalid(TOKEN_REQUEST, '', causes);
  // Whole seconds, as the apiserver reports them; rounding up keeps every token at least as
  // long-lived as asked, which matters for one-second tokens.
  const expiresAt = Math.ceil(Date.now() / 1000) + seconds;
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace },
    spec: { audiences: [], ...body?.spec, expirationSeconds: seconds },
    status: {
      token: identities.serviceAccountToken(namespace, name, expiresAt),
      expirationTimestamp: new Date(expiresAt * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    },
  });
  return 201;
}

function validateLifetime(
  seconds: unknown,
  options: TokenRequestOptions,
): StatusCause[] {
  const field = 'spec.expirationSeconds';
  const cause = (message: string): StatusCause[] => [
    {
      reason: 'FieldValueInvalid',
      field,
      message: `Invalid value: ${JSON.stringify(seconds)}: ${message}`,
    },
  ];
  if (typeof seconds !== 'number' || !Number.isInteger(seconds))
    return cause('must be an integer number of seconds');
  if (
    options.shortTokenLifetimes ? seconds < 1 : seconds < MIN_EXPIRATION_SECONDS
  )
    return cause(
      options.shortTokenLifetimes
        ? 'may not specify a duration less than 1 second (shortTokenLifetimes)'
        : 'may not specify a duration less than 10 minutes',
    );
  if (seconds > MAX_EXPIRATION_SECONDS)
    return cause('may not specify a duration larger than 2^32 seconds');
  return [];
}
