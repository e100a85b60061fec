import {
  createHmac,
  timingSafeEqual,
  verify as verifySignature,
  type KeyObject,
} from 'node:crypto';

/** The claims the service reads; anything else in the token is ignored. */
export interface TokenClaims {
  sub: string;
  exp: number;
  nbf?: number;
  iss?: string;
  aud?: string | string[];
  roles?: unknown;
  [claim: string]: unknown;
}

/** Why a token was refused; the message is safe to send back (it never echoes the token). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Tokens longer than this are refused before any parsing or crypto. */
export const MAX_TOKEN_LENGTH = 8192;
/** Clock skew tolerated on exp and nbf, in seconds. */
const LEEWAY_SECONDS = 30;

export interface VerifyOptions {
  /** HS256 secret: the only algorithm accepted for it, so `alg: none` or a swapped alg never pass. */
  hmacSecret?: Buffer;
  /** For RS256/ES256 tokens: the public key for the token's `kid`, or undefined when unknown. */
  publicKey?: (
    kid: string | undefined,
    alg: string,
  ) => Promise<KeyObject | undefined>;
  issuer?: string;
  audience?: string;
  nowSeconds: number;
}

const base64url = (data: Buffer | string) =>
  Buffer.from(data).toString('base64url');

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value;
  } catch {
    // fall through
  }
  throw new InvalidTokenError(`the token's ${what} is not a JSON object`);
}

const ASYMMETRIC: Record<string, { hash: string; dsaEncoding?: 'ieee-p1363' }> =
  {
    RS256: { hash: 'sha256' },
    ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
  };

async function checkSignature(
  header: Record<string, unknown>,
  signingInput: string,
  signature: Buffer,
  options: VerifyOptions,
) {
  const alg = header.alg;
  if (alg === 'HS256' && options.hmacSecret) {
    const expected = createHmac('sha256', options.hmacSecret)
      .update(signingInput)
      .digest();
    if (
      expected.length !== signature.length ||
      !timingSafeEqual(expected, signature)
    )
      throw new InvalidTokenError('the token signature is not valid');
    return;
  }
  if (typeof alg === 'string' && ASYMMETRIC[alg] && options.publicKey) {
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const key = await options.publicKey(kid, alg);
    if (!key)
      throw new InvalidTokenError(
        `no trusted key ${kid ?? '(no kid)'} for the token`,
      );
    const { hash, dsaEncoding } = ASYMMETRIC[alg];
    if (
      !verifySignature(
        hash,
        Buffer.from(signingInput),
        { key, dsaEncoding },
        signature,
      )
    )
      throw new InvalidTokenError('the token signature is not valid');
    return;
  }
  throw new InvalidTokenError(
    `tokens signed with ${JSON.stringify(alg)} are not accepted`,
  );
}

function checkClaims(
  claims: Record<string, unknown>,
  options: VerifyOptions,
): TokenClaims {
  const { sub, exp, nbf, iss, aud } = claims;
  if (typeof sub !== 'string' || sub === '' || sub.length > 256)
    throw new InvalidTokenError('the token has no valid sub (the user id)');
  if (typeof exp !== 'number')
    throw new InvalidTokenError('the token has no exp');
  if (exp + LEEWAY_SECONDS <= options.nowSeconds)
    throw new InvalidTokenError('the token has expired');
  if (
    nbf !== undefined &&
    (typeof nbf !== 'number' || nbf - LEEWAY_SECONDS > options.nowSeconds)
  )
    throw new InvalidTokenError('the token is not valid yet');
  if (options.issuer !== undefined && iss !== options.issuer)
    throw new InvalidTokenError('the token was issued by someone else');
  if (
    options.audience !== undefined &&
    !(Array.isArray(aud)
      ? aud.includes(options.audience)
      : aud === options.audience)
  )
    throw new InvalidTokenError('the token is meant for another audience');
  return claims as TokenClaims;
}

/** Verifies a compact JWS and its time, issuer and audience claims. */
export async function verifyJwt(
  token: string,
  options: VerifyOptions,
): Promise<TokenClaims> {
  if (token.length > MAX_TOKEN_LENGTH)
    throw new InvalidTokenError('the token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some(p => !/^[A-Za-z0-9_-]*$/.test(p)))
    throw new InvalidTokenError('the token is not a signed JWT');
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart, 'header');
  if (header.crit !== undefined)
    throw new InvalidTokenError(
      'tokens with critical header extensions are not accepted',
    );
  await checkSignature(
    header,
    `${headerPart}.${payloadPart}`,
    Buffer.from(signaturePart, 'base64url'),
    options,
  );
  return checkClaims(decodeJson(payloadPart, 'payload'), options);
}

/** An HS256 token: for tests, the e2e suite and operators who mint their own. */
export function signHs256(
  claims: Record<string, unknown>,
  secret: Buffer | string,
): string {
  const signingInput = `${base64url(
    JSON.stringify({ alg: 'HS256', typ: 'JWT' }),
  )}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest();
  return `${signingInput}.${base64url(signature)}`;
}
