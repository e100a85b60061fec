import { Entity } from '@backstage/catalog-model';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import {
  DEFAULT_PAGE_SIZE,
  KubernetesClient,
  KubernetesObject,
  listInPages,
} from '@kratix-dynamodb/node';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The entities of a kind too large to cache (bounded mode), listed page by page straight from
 * the API server and forgotten page by page, so the sync holds entities, never the objects.
 * The pages are spread over `spreadMs`, so a large cluster's API server sees a trickle rather
 * than a burst: the pause between pages is `spreadMs` divided by the pages expected, from the
 * server's `remainingItemCount` or else from the last run (`pagesLastTime`). A continue token
 * that expires meanwhile goes on with the token the server offers; what that skips or repeats,
 * the watch has already told the catalog, and the provider keeps those changes.
 */
export async function listEntitiesInPages(options: {
  client: KubernetesClient;
  gvk: GroupVersionKind;
  labelSelector?: string;
  toEntity: (object: KubernetesObject) => Entity | undefined;
  spreadMs: number;
  pagesLastTime?: number;
  pageSize?: number;
}): Promise<{ entities: Entity[]; pages: number }> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const { group, version } = options.gvk;
  const apiVersion = group ? `${group}/${version}` : version;
  const entities: Entity[] = [];
  let pages = 0;
  let expectedPages = options.pagesLastTime;
  for await (const page of listInPages(
    options.client,
    options.gvk,
    { labelSelector: options.labelSelector },
    { pageSize, onExpired: 'continue' },
  )) {
    pages++;
    for (const item of page.items) {
      // Items of a list may carry no kind: the mapping should not have to know the source.
      const object = item.kind
        ? item
        : { ...item, kind: options.gvk.kind, apiVersion };
      const entity = options.toEntity(object);
      if (entity) entities.push(entity);
    }
    if (page.done) break;
    const remaining = page.remainingItemCount;
    if (remaining !== undefined)
      expectedPages = pages + Math.ceil(remaining / pageSize);
    if (expectedPages && expectedPages > 1)
      await sleep(options.spreadMs / expectedPages);
  }
  return { entities, pages };
}
