import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject, StoreEvent } from '../store/ObjectStore';
import { apiVersionOf, type ResourceType } from '../store/ResourceType';
import { gone } from './ApiError';
import type { ObjectFilter } from './selectors';
import { toTable, wantsTable } from './tableOutput';

/** Open watch streams, so that stopping the server ends them instead of waiting on them. */
export class WatchRegistry {
  #open = new Set<() => void>();

  add(close: () => void): () => void {
    this.#open.add(close);
    return () => this.#open.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.#open]) close();
  }

  get size(): number {
    return this.#open.size;
  }
}

type WatchRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  type: ResourceType;
  namespace?: string;
  filter: ObjectFilter;
  key: string;
};

/**
 * A watch: newline-delimited JSON events on a chunked response. Without a resourceVersion (or
 * with "0") it first replays the current objects as ADDED, like the apiserver; with one, it
 * resumes after it, or sends a 410 Expired ERROR event when that history is gone.
 */
export function handleWatch(
  ops: ClusterOperations,
  watches: WatchRegistry,
  w: WatchRequest,
): void {
  const { req, res, url, type, namespace, filter, key } = w;
  const asTable = wantsTable(req.headers.accept);
  const matches = (o: KubeObject) =>
    (!namespace || o.metadata.namespace === namespace) && filter(o);
  const write = (eventType: string, object: unknown) =>
    res.write(`${JSON.stringify({ type: eventType, object })}\n`);
  const render = (o: KubeObject) => {
    const versioned = { ...o, apiVersion: apiVersionOf(type) };
    return asTable
      ? toTable(type, [versioned], o.metadata.resourceVersion ?? '', 'Object')
      : versioned;
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();

  const since = url.searchParams.get('resourceVersion');
  let lastSent = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined = undefined;
  let forget: () => void = () => {};
  let unsubscribe: () => void = () => {};
  let closeWatch: () => void = () => {};
  const close = () => closeWatch();
  const send = (event: StoreEvent) => {
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
    if (
      event.key !== key ||
      event.resourceVersion <= lastSent ||
      !matches(event.object)
    )
      return;
    lastSent = event.resourceVersion;
    write(event.type, render(event.object));
  };

  // Backlog and subscription happen in the same tick, so no event falls between them.
  if (!since || since === '0') {
    for (const o of ops.store.list(key, namespace))
      if (matches(o)) write('ADDED', render(o));
    lastSent = ops.store.resourceVersion;
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
    lastSent = Number(since);
    backlog.forEach(send);
  }
  unsubscribe = ops.store.subscribe(send);

  closeWatch = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearTimeout(timer);
    forget();
    res.end();
  };
  forget = watches.add(close);
  const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? 0);
  // Real servers end watches after 30-60 minutes; clients re-list. Keep that contract.
  timer = setTimeout(
    close,
    (timeoutSeconds > 0 ? timeoutSeconds : 1800) * 1000,
  );
  timer.unref();
  req.on('close', close);
  res.on('error', close);
}
