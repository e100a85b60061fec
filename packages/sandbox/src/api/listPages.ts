import type { KubeObject } from '../store/ObjectStore';
import { ApiError } from '../errors/ApiError';

/** What a list response's `metadata` says about paging, besides its resourceVersion. */
export type PageMetadata = {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
};

type ContinueToken = { v: string; rv: number; start: string };

const keyOf = (o: KubeObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function encodeToken(rv: number, lastKey: string): string {
  // The apiserver's own shape: base64 JSON naming the revision and the key to go on after.
  const token: ContinueToken = {
    v: 'meta.k8s.io/v1',
    rv,
    start: `${lastKey}\u0000`,
  };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(value: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      token?.v === 'meta.k8s.io/v1' &&
      Number.isInteger(token.rv) &&
      token.rv > 0 &&
      typeof token.start === 'string'
    )
      return token;
  } catch {
    // answered below
  }
  throw new ApiError(
    400,
    'BadRequest',
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

/** The 410 a too-old continue token gets, with a token that goes on from the current state. */
class ContinueExpiredError extends ApiError {
  constructor(readonly freshContinue: string) {
    super(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    );
  }

  toStatus(): Record<string, unknown> {
    return {
      ...super.toStatus(),
      metadata: { continue: this.freshContinue },
    };
  }
}

/**
 * One page of a list, as the apiserver serves `limit` and `continue`: items in key order
 * (namespace/name), a continue token while more remain, and `remainingItemCount` when no
 * selector filtered the list (the apiserver cannot count ahead through a selector). Every page
 * reports the revision of the first one, which is where a client's watch then starts. Unlike
 * etcd the sandbox keeps no old revisions, so later pages show objects as they are now; the
 * events since that revision, which the watch replays, make up the difference. A token older
 * than the store's event history is refused with 410 Expired, like a compacted revision.
 */
export function listPage(
  items: KubeObject[],
  query: URLSearchParams,
  store: { resourceVersion: number; oldestResumableVersion: number },
  filtered: boolean,
): { items: KubeObject[]; metadata: PageMetadata } {
  const limit = Number(query.get('limit') ?? 0);
  const continueParam = query.get('continue');
  let rv = store.resourceVersion;
  let start = 0;
  if (continueParam) {
    const token = decodeToken(continueParam);
    const after = token.start.endsWith('\u0000')
      ? token.start.slice(0, -1)
      : token.start;
    // The store sorts with localeCompare; the same order finds where the last page ended.
    start = items.findIndex(o => keyOf(o).localeCompare(after) > 0);
    if (start === -1) start = items.length;
    if (token.rv < store.oldestResumableVersion)
      throw new ContinueExpiredError(encodeToken(store.resourceVersion, after));
    rv = token.rv;
  }
  if (!(limit > 0)) {
    return {
      items: items.slice(start),
      metadata: { resourceVersion: String(rv) },
    };
  }
  const page = items.slice(start, start + limit);
  const remaining = items.length - start - page.length;
  const metadata: PageMetadata = { resourceVersion: String(rv) };
  if (remaining > 0) {
    metadata.continue = encodeToken(rv, keyOf(page[page.length - 1]));
    if (!filtered) metadata.remainingItemCount = remaining;
  }
  return { items: page, metadata };
}
