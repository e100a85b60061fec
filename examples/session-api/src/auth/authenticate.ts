import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/httpError.ts';
import { createJwksKeySource } from './jwks.ts';
import { InvalidTokenError, verifyJwt } from './jwt.ts';

/** How callers prove who they are: an HS256 secret, a JWKS URL, or both. */
export interface AuthOptions {
  hmacSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The role (in the token's `roles` claim) that may list every user's sessions. Default session-admin. */
  adminRole?: string;
}

/** Who is calling: the token's `sub`, and whether it holds the admin role. */
export interface Caller {
  userId: string;
  admin: boolean;
}

export const DEFAULT_ADMIN_ROLE = 'session-admin';

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, {
    'www-authenticate': 'Bearer realm="session-api"',
  });
}

/**
 * The bearer token: from Authorization, or from X-Forwarded-Authorization when a proxy in front
 * consumed Authorization for itself (the Kubernetes API server's service proxy does).
 */
function bearerToken(request: IncomingMessage): string {
  for (const header of ['authorization', 'x-forwarded-authorization']) {
    const value = request.headers[header];
    if (typeof value !== 'string') continue;
    const match = /^Bearer +([^ ]+)$/i.exec(value.trim());
    if (!match) throw unauthorized(`${header} must be "Bearer <token>"`);
    return match[1];
  }
  throw unauthorized('a bearer token is required');
}

export function createAuthenticator(
  options: AuthOptions,
  now: () => number = Date.now,
) {
  const hmacSecret = options.hmacSecret
    ? Buffer.from(options.hmacSecret, 'utf8')
    : undefined;
  const publicKey = options.jwksUrl
    ? createJwksKeySource(options.jwksUrl, now)
    : undefined;
  if (!hmacSecret && !publicKey)
    throw new Error('authentication needs an HMAC secret or a JWKS URL');
  const adminRole = options.adminRole ?? DEFAULT_ADMIN_ROLE;

  return async (request: IncomingMessage): Promise<Caller> => {
    let claims;
    try {
      claims = await verifyJwt(bearerToken(request), {
        hmacSecret,
        publicKey,
        issuer: options.issuer,
        audience: options.audience,
        nowSeconds: Math.floor(now() / 1000),
      });
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error.message);
      throw error;
    }
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    return { userId: claims.sub, admin: roles.includes(adminRole) };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
