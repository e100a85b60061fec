import { createPublicKey, type KeyObject } from 'node:crypto';

const MAX_JWKS_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 3000;
const CACHE_MS = 10 * 60_000;
/** An unknown kid triggers a re-fetch (key rotation), at most this often. */
const REFRESH_MIN_INTERVAL_MS = 60_000;

type Jwk = { kid?: string; kty?: string; use?: string; alg?: string };

async function fetchJwks(url: string): Promise<Jwk[]> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    redirect: 'error',
  });
  if (!response.ok || !response.body)
    throw new Error(`JWKS ${url} answered ${response.status}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_JWKS_BYTES) {
      await reader.cancel();
      throw new Error(`JWKS ${url} is larger than ${MAX_JWKS_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const keys = JSON.parse(Buffer.concat(chunks).toString('utf8'))?.keys;
  if (!Array.isArray(keys)) throw new Error(`JWKS ${url} has no keys`);
  return keys;
}

/**
 * Public keys from a JWKS URL (an identity provider's), cached, bounded in time and size, and
 * re-read when a token names a key it does not hold yet.
 */
export function createJwksKeySource(url: string, now: () => number = Date.now) {
  let cached: { at: number; keys: Jwk[] } | undefined;
  let loading: Promise<Jwk[]> | undefined;
  const load = () => {
    loading ??= fetchJwks(url)
      .then(keys => {
        cached = { at: now(), keys };
        return keys;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  const find = (keys: Jwk[], kid: string | undefined, alg: string) =>
    keys.find(
      k =>
        (kid === undefined || k.kid === kid) &&
        (k.use === undefined || k.use === 'sig') &&
        (k.alg === undefined || k.alg === alg),
    );

  return async (
    kid: string | undefined,
    alg: string,
  ): Promise<KeyObject | undefined> => {
    let keys =
      cached && now() - cached.at < CACHE_MS ? cached.keys : await load();
    let jwk = find(keys, kid, alg);
    if (!jwk && cached && now() - cached.at >= REFRESH_MIN_INTERVAL_MS) {
      keys = await load();
      jwk = find(keys, kid, alg);
    }
    return jwk
      ? createPublicKey({ key: jwk as any, format: 'jwk' })
      : undefined;
  };
}
