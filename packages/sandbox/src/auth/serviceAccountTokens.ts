import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who a valid ServiceAccount token names. */
export type ServiceAccountRef = { namespace: string; name: string };

const ISSUER = 'https://kubernetes.default.svc.cluster.local';

/**
 * ServiceAccount tokens shaped like the apiserver's: a JWT (HS256 here, keyed by the sandbox's
 * main token instead of the apiserver's RSA key) whose claims name the account and, for tokens
 * from a TokenRequest, carry `exp`. Nothing is stored, so checking expiry costs nothing at rest:
 * it is a comparison at authentication time. Tools that decode tokens (`jq` on the payload,
 * client libraries reading `exp`) see the claims they would on a real cluster.
 */
export class ServiceAccountTokens {
  constructor(private readonly key: string) {}

  /** A token for the account; without `expiresAt` (epoch seconds) it never expires. */
  mint(ref: ServiceAccountRef, expiresAt?: number): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: ISSUER,
      sub: `system:serviceaccount:${ref.namespace}:${ref.name}`,
      aud: [ISSUER],
      iat: now,
      nbf: now,
      ...(expiresAt !== undefined ? { exp: expiresAt } : {}),
      'kubernetes.io': {
        namespace: ref.namespace,
        serviceaccount: { name: ref.name },
      },
    };
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(
      claims,
    )}`;
    return `${unsigned}.${this.#sign(unsigned)}`;
  }

  /** The account a token names, or undefined when it is forged, malformed or expired. */
  verify(token: string, nowMs = Date.now()): ServiceAccountRef | undefined {
    const parts = token.split('.');
    if (parts[0] === 'sandbox-sa') return this.#verifyLegacy(parts);
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts;
    if (!sameString(signature, this.#sign(`${header}.${payload}`)))
      return undefined;
    let claims: any;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    // The apiserver rejects a token from its expiry second on (jwt leeway aside).
    if (typeof claims.exp === 'number' && nowMs >= claims.exp * 1000)
      return undefined;
    const namespace = claims['kubernetes.io']?.namespace;
    const name = claims['kubernetes.io']?.serviceaccount?.name;
    return typeof namespace === 'string' && typeof name === 'string'
      ? { namespace, name }
      : undefined;
  }

  /**
   * `sandbox-sa.<ns>.<name>.<signature>`: what earlier sandboxes minted (never expiring), still
   * accepted so that tokens handed out by a persisted sandbox survive an upgrade.
   */
  #verifyLegacy(parts: string[]): ServiceAccountRef | undefined {
    if (parts.length < 4) return undefined;
    const namespace = parts[1];
    const name = parts.slice(2, -1).join('.');
    const signature = parts[parts.length - 1];
    const expected = createHmac('sha256', this.key)
      .update(`sa:${namespace}:${name}`)
      .digest('base64url')
      .slice(0, 32);
    return sameString(signature, expected) ? { namespace, name } : undefined;
  }

  #sign(data: string): string {
    return createHmac('sha256', `service-account-tokens:${this.key}`)
      .update(data)
      .digest('base64url');
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
