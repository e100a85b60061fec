import { apiVersionOf, type ResourceType } from '../store/ResourceType';

/** The annotation the apiserver puts on the bookmark that ends `sendInitialEvents`. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

/** Whether the client asked for bookmarks (`allowWatchBookmarks=true`), as client-go's reflector does. */
export function wantsBookmarks(query: URLSearchParams): boolean {
  return ['true', '1'].includes(query.get('allowWatchBookmarks') ?? '');
}

/**
 * A BOOKMARK event's object as the apiserver sends it: the watched kind with nothing but
 * `metadata.resourceVersion` (and the initial-events-end annotation when it closes the initial
 * events); for a Table watch (`kubectl get -w`), an empty Table at that resourceVersion.
 */
export function bookmarkObject(
  type: ResourceType,
  resourceVersion: number,
  options: { asTable: boolean; initialEventsEnd: boolean },
): Record<string, unknown> {
  const metadata = {
    resourceVersion: String(resourceVersion),
    ...(options.initialEventsEnd
      ? { annotations: { [INITIAL_EVENTS_END]: 'true' } }
      : {}),
  };
  if (options.asTable)
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      columnDefinitions: [],
      rows: [],
    };
  return { kind: type.kind, apiVersion: apiVersionOf(type), metadata };
}
