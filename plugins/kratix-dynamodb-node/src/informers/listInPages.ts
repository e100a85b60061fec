import { GroupVersionKind } from '@kratix-dynamodb/common';
import { KubernetesClient, KubernetesObject } from '../KubernetesClient';
import { ListExpiredError } from '../kubernetesErrors';

/**
 * Objects per list request: the API server's memory and ours stay bounded whatever the kind's size.
 * @public
 */
export const DEFAULT_PAGE_SIZE = 500;

/** @public */
export type ListSelection = {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
};

/**
 * One page, and the revision the whole list is consistent at (the first page's).
 * @public
 */
export type ListPage = {
  items: KubernetesObject[];
  resourceVersion?: string;
  /** True on the last page. */
  done: boolean;
  /** Objects after this page, when the server counts ahead (never through a selector). */
  remainingItemCount?: number;
  /** The list started over (its continue token expired): drop the pages before this one. */
  restarted?: boolean;
};

/**
 * Every page of a list, through `limit` and `continue`. When a continue token expires (410,
 * the server compacted the revision the list started at) `onExpired` decides: `restart` (an
 * informer needs one consistent snapshot to resume its watch from) starts over from the first
 * page, once; `continue` (the catalog provider's spread-out sync, whose gaps the watch fills)
 * goes on with the token the server offers, which reflects its current state.
 * @public
 */
export async function* listInPages(
  client: KubernetesClient,
  gvk: GroupVersionKind,
  selection: ListSelection,
  options: { pageSize?: number; onExpired?: 'restart' | 'continue' } = {},
): AsyncGenerator<ListPage> {
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let token: string | undefined;
  let resourceVersion: string | undefined;
  let restarted = false;
  for (;;) {
    let page;
    try {
      page = await client.list(gvk, { ...selection, limit, continue: token });
    } catch (e) {
      if (!(e instanceof ListExpiredError) || token === undefined) throw e;
      if (options.onExpired === 'continue' && e.continueToken) {
        token = e.continueToken;
        continue;
      }
      if (restarted) throw e;
      restarted = true;
      token = undefined;
      resourceVersion = undefined;
      yield { items: [], done: false, restarted: true };
      continue;
    }
    resourceVersion ??= page.metadata.resourceVersion;
    token = page.metadata.continue || undefined;
    yield {
      items: page.items,
      resourceVersion,
      done: !token,
      remainingItemCount: page.metadata.remainingItemCount,
    };
    if (!token) return;
  }
}

/** The whole list (or its first `maxPages`), page by page, as one array and the revision to watch from. */
export async function listAll(
  client: KubernetesClient,
  gvk: GroupVersionKind,
  selection: ListSelection,
  pageSize?: number,
  maxPages?: number,
): Promise<{ items: KubernetesObject[]; resourceVersion?: string }> {
  let items: KubernetesObject[] = [];
  let resourceVersion: string | undefined;
  let pages = 0;
  for await (const page of listInPages(client, gvk, selection, {
    pageSize,
    onExpired: 'restart',
  })) {
    if (page.restarted) items = [];
    else items.push(...page.items);
    resourceVersion = page.resourceVersion;
    if (++pages === maxPages) break;
  }
  return { items, resourceVersion };
}
