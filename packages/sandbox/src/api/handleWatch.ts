import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject, ListPins, StoreEvent } from '../store/ObjectStore';
import { apiVersionOf, type ResourceType } from '../store/ResourceType';
import { gone } from '../errors/ApiError';
import type { ObjectFilter } from './selectors';
import { toTable, wantsTable } from './tableOutput';
import { bookmarkObject, wantsBookmarks } from './watchBookmarks';
import type { WatchRegistry } from './WatchRegistry';

type WatchRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  type: ResourceType;
  namespace?: string;
  filter: ObjectFilter;
  /** What the path and selectors pin down, so the initial list is a lookup (see ListPins). */
  pins: ListPins;
  key: string;
};

/**
 * A watch: newline-delimited JSON events on a chunked response. Without a resourceVersion (or
 * with "0", or with `sendInitialEvents=true`) it first replays the current objects as ADDED,
 * like the apiserver; with one, it resumes after it, or sends a 410 Expired ERROR event when
 * that history is gone. With `allowWatchBookmarks=true` it sends a BOOKMARK after the initial
 * events, and later ones only when the store moved on without this watch hearing of it.
 */
export function handleWatch(
  ops: ClusterOperations,
  watches: WatchRegistry,
  w: WatchRequest,
): void {
  const { req, res, url, type, namespace, filter, pins, key } = w;
  const query = url.searchParams;
  const asTable = wantsTable(req.headers.accept);
  const bookmarks = wantsBookmarks(query);
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  const matches = (o: KubeObject) =>
    (!namespace || o.metadata.namespace === namespace) && filter(o);
  const render = (o: KubeObject) => {
    const versioned = { ...o, apiVersion: apiVersionOf(type) };
    return asTable
      ? toTable(type, [versioned], o.metadata.resourceVersion ?? '', 'Object')
      : versioned;
  };
  // Under the watchStall fault nothing reaches the client: the write is lost, not queued.
  const write = (eventType: string, object: unknown): boolean => {
    if (watches.stalled) return false;
    res.write(`${JSON.stringify({ type: eventType, object })}\n`);
    return true;
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();

  /** Every event of this watch up to here went out (or did not concern it). */
  let seenThrough = 0;
  /** The newest resourceVersion the client was told of (event or bookmark). */
  let toldThrough = 0;
  /** An event of this watch was lost to a stall: a bookmark would vouch for it, so none follow. */
  let lostEvents = false;
  let closed = false;
  let timedOut = false;
  let bookmarkTimer: NodeJS.Timeout | undefined = undefined;
  let endTimer: NodeJS.Timeout | undefined = undefined;
  let forget: () => void = () => {};
  let unsubscribe: () => void = () => {};

  const deliver = (eventType: string, object: KubeObject, rv: number) => {
    if (write(eventType, render(object))) toldThrough = rv;
    else lostEvents = true;
    seenThrough = rv;
  };
  /** `initial`: the one that follows the initial events, sent even if the client is current. */
  const sendBookmark = (initial = false) => {
    clearTimeout(bookmarkTimer);
    bookmarkTimer = undefined;
    if (!bookmarks || lostEvents || closed) return;
    if (!initial && seenThrough <= toldThrough) return;
    const object = bookmarkObject(type, seenThrough, {
      asTable,
      initialEventsEnd: initial && sendInitialEvents,
    });
    if (write('BOOKMARK', object)) toldThrough = seenThrough;
  };
  // Event-driven, one timer at most and only while behind: an idle watch holds none.
  const bookmarkLater = () => {
    if (!bookmarks || bookmarkTimer || seenThrough <= toldThrough) return;
    bookmarkTimer = setTimeout(
      () => sendBookmark(),
      watches.bookmarkIntervalMs,
    );
    bookmarkTimer.unref();
  };
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearTimeout(endTimer);
    clearTimeout(bookmarkTimer);
    forget();
    res.end();
  };
  const onEvent = (event: StoreEvent) => {
    // Like the apiserver, deleting the CRD that serves this kind ends its watches; clients
    // then re-list and learn the kind is gone.
    if (
      type.crdName &&
      event.type === 'DELETED' &&
      event.object.kind === 'CustomResourceDefinition' &&
      event.object.metadata.name === type.crdName
    ) {
      close();
      return;
    }
    if (event.resourceVersion <= seenThrough) return;
    if (event.key === key && matches(event.object)) {
      deliver(event.type, event.object, event.resourceVersion);
      clearTimeout(bookmarkTimer);
      bookmarkTimer = undefined;
    } else {
      seenThrough = event.resourceVersion;
      bookmarkLater();
    }
  };

  // Backlog and subscription happen in the same tick, so no event falls between them.
  const since = query.get('resourceVersion');
  if (!since || since === '0' || sendInitialEvents) {
    const now = ops.store.resourceVersion;
    for (const o of ops.list(type, namespace, filter, pins))
      deliver('ADDED', o, now);
    seenThrough = now;
  } else {
    const backlog = ops.store.eventsSince(Number(since));
    if (backlog === 'expired') {
      write(
        'ERROR',
        gone(since, String(ops.store.oldestResumableVersion)).toStatus(),
      );
      res.end();
      return;
    }
    seenThrough = toldThrough = Number(since);
    backlog.forEach(onEvent);
    seenThrough = ops.store.resourceVersion;
  }
  sendBookmark(true);
  unsubscribe = ops.store.subscribe(onEvent);

  forget = watches.add({
    close,
    resumed: () => (timedOut ? close() : bookmarkLater()),
  });
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 0);
  // Real servers end watches after 30-60 minutes; clients re-list. Keep that contract. A
  // stalled stream sends nothing, not even its end, until the stall is cleared.
  endTimer = setTimeout(
    () => (watches.stalled ? (timedOut = true) : close()),
    (timeoutSeconds > 0 ? timeoutSeconds : 1800) * 1000,
  );
  endTimer.unref();
  req.on('close', close);
  res.on('error', close);
}
