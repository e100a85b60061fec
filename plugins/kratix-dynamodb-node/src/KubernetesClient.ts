import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { GroupVersionKind } from '@kratix-dynamodb/common';
import { apiNotInstalledMessage } from './apiNotInstalledMessage';
import {
  ClusterConnection,
  sendRequest,
  streamLines,
  TransportError,
} from './httpTransport';
import {
  isRetryable,
  KubernetesStatus,
  toBackstageError,
} from './kubernetesErrors';
import { assertNamespace, assertObjectName } from './objectNames';

/**
 * A Kubernetes object as the API server returns it.
 * @public
 */
export type KubernetesObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  spec?: any;
  status?: any;
};

/**
 * The result of discovery: how the server names a kind in URLs.
 * @public
 */
export type ResolvedResource = GroupVersionKind & {
  plural: string;
  namespaced: boolean;
};

/**
 * One event of a watch stream.
 * @public
 */
export type WatchEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubernetesObject;
};

/**
 * How a {@link KubernetesClient} reaches its cluster, and how it retries.
 * @public
 */
export type KubernetesClientOptions = {
  cluster: string;
  connection: ClusterConnection;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Tries for timeouts, 429 and 5xx, including the first (default 3). */
  attempts?: number;
  /** First backoff delay; doubled each retry (default 200 ms). */
  backoffMs?: number;
  /**
   * Kinds already resolved on this cluster, shared by its clients. Only successes go in, so a
   * user's client never sees another user's refusal.
   */
  sharedDiscovery?: Map<string, ResolvedResource>;
  /** The credentials are the signed-in user's own: a 401 then asks them to sign in again. */
  actsAsUser?: boolean;
};

/**
 * One request of {@link KubernetesClient.request}.
 * @public
 */
export type KubernetesRequestOptions = {
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  action: string;
  object?: string;
  timeoutMs?: number;
};

/** A health answer is a few lines; anything past this is refused rather than buffered. */
export const PROXY_MAX_BODY_BYTES = 64 * 1024;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function withQuery(
  path: string,
  query: KubernetesRequestOptions['query'],
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The one way the plugins talk to a cluster. Kinds are found through discovery (never a
 * guessed plural), failures become Backstage errors that name the cluster and the object,
 * and transient failures are retried a bounded number of times.
 * @public
 */
export class KubernetesClient {
  readonly cluster: string;
  readonly #connection: ClusterConnection;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #backoffMs: number;
  readonly #discovery = new Map<string, Promise<ResolvedResource>>();

  constructor(options: KubernetesClientOptions) {
    this.cluster = options.cluster;
    this.#connection = options.connection;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#attempts = Math.max(1, options.attempts ?? 3);
    this.#backoffMs = options.backoffMs ?? 200;
  }

  /** Sends one request, retrying transient failures; answers parsed JSON. */
  async request<T>(
    method: string,
    path: string,
    options: KubernetesRequestOptions,
  ): Promise<T> {
    const body =
      options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (body !== undefined)
      headers['Content-Type'] = options.contentType ?? 'application/json';
    let lastError: Error = new ServiceUnavailableError(
      `No request was sent to cluster '${this.cluster}'`,
    );
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      if (attempt > 1) await sleep(this.#backoffMs * 2 ** (attempt - 2));
      let status: number | undefined;
      try {
        const res = await sendRequest(this.#connection, {
          method,
          path: withQuery(path, options.query),
          headers,
          body,
          timeoutMs: options.timeoutMs ?? this.#timeoutMs,
        });
        status = res.status;
        if (res.status < 400)
          return (res.body ? JSON.parse(res.body) : undefined) as T;
        lastError = toBackstageError(res.status, parseStatus(res.body), {
          cluster: this.cluster,
          action: options.action,
          object: options.object,
        });
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        lastError = new ServiceUnavailableError(
          `Cluster '${this.cluster}' could not be reached to ${options.action}: ${e.message}`,
        );
      }
      if (!isRetryable(status)) break;
    }
    throw lastError;
  }

  /** How the server names a kind, from `/apis/<group>/<version>` (or `/api/v1`). */
  resolve(gvk: GroupVersionKind): Promise<ResolvedResource> {
    const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    let resolved = this.#discovery.get(key);
    if (!resolved) {
      resolved = this.#discover(gvk);
      // A missing API may be installed later: do not cache failures.
      resolved.catch(() => this.#discovery.delete(key));
      this.#discovery.set(key, resolved);
    }
    return resolved;
  }

  async #discover(gvk: GroupVersionKind): Promise<ResolvedResource> {
    const path = gvk.group
      ? `/apis/${gvk.group}/${gvk.version}`
      : `/api/${gvk.version}`;
    let list: {
      resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
    };
    try {
      list = await this.request('GET', path, {
        action: `discover the ${gvk.group || 'core'}/${gvk.version} API`,
      });
    } catch (e) {
      if (e instanceof NotFoundError)
        throw new NotFoundError(apiNotInstalledMessage(this.cluster, gvk));
      throw e;
    }
    const resource = list.resources?.find(
      r => r.kind === gvk.kind && !r.name.includes('/'),
    );
    if (!resource)
      throw new NotFoundError(apiNotInstalledMessage(this.cluster, gvk));
    return { ...gvk, plural: resource.name, namespaced: resource.namespaced };
  }

  /**
   * Checked before any request: a name like '.', '..' or 'a%2Fb' would otherwise change which
   * URL is called (a GET becoming a LIST, a DELETE a collection delete).
   */
  #checkNames(
    gvk: GroupVersionKind,
    namespace: string | undefined,
    name: string | undefined,
    named: boolean,
  ) {
    if (namespace !== undefined) assertNamespace('namespace', namespace);
    if (named) assertObjectName('name', gvk.kind, name);
  }

  async #path(gvk: GroupVersionKind, namespace?: string, name?: string) {
    this.#checkNames(gvk, namespace, name, name !== undefined);
    const r = await this.resolve(gvk);
    const base = gvk.group
      ? `/apis/${gvk.group}/${gvk.version}`
      : `/api/${gvk.version}`;
    const ns =
      r.namespaced && namespace
        ? `/namespaces/${encodeURIComponent(namespace)}`
        : '';
    const obj = name ? `/${encodeURIComponent(name)}` : '';
    return { path: `${base}${ns}/${r.plural}${obj}`, resource: r };
  }

  #describe(r: ResolvedResource, namespace: string | undefined, name: string) {
    const kind = r.group ? `${r.plural}.${r.group}` : r.plural;
    return `${kind} "${name}"${
      r.namespaced && namespace ? ` in namespace ${namespace}` : ''
    }`;
  }

  /** The object, or undefined when it does not exist. */
  async get(
    gvk: GroupVersionKind,
    namespace: string | undefined,
    name: string,
  ) {
    this.#checkNames(gvk, namespace, name, true);
    const { path, resource } = await this.#path(gvk, namespace, name);
    try {
      return await this.request<KubernetesObject>('GET', path, {
        action: `get ${resource.plural}`,
        object: this.#describe(resource, namespace, name),
      });
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * A list, or one page of it with `limit` (and the `continue` token of the page before).
   * listInPages walks every page.
   */
  async list(
    gvk: GroupVersionKind,
    options: {
      namespace?: string;
      labelSelector?: string;
      fieldSelector?: string;
      limit?: number;
      continue?: string;
    } = {},
  ) {
    const { path, resource } = await this.#path(gvk, options.namespace);
    return this.request<{
      items: KubernetesObject[];
      metadata: {
        resourceVersion?: string;
        continue?: string;
        remainingItemCount?: number;
      };
    }>('GET', path, {
      query: {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: options.limit ? String(options.limit) : undefined,
        continue: options.continue,
      },
      action: `list ${resource.plural}`,
    });
  }

  async create(
    gvk: GroupVersionKind,
    object: KubernetesObject,
    options: { dryRun?: boolean; fieldManager?: string } = {},
  ) {
    const { namespace, name } = object.metadata;
    this.#checkNames(gvk, namespace, name, true);
    const { path, resource } = await this.#path(gvk, namespace);
    return this.request<KubernetesObject>('POST', path, {
      body: object,
      query: {
        dryRun: options.dryRun ? 'All' : undefined,
        fieldManager: options.fieldManager,
      },
      action: `create ${resource.plural}`,
      object: this.#describe(resource, namespace, name),
    });
  }

  async mergePatch(
    gvk: GroupVersionKind,
    namespace: string | undefined,
    name: string,
    patch: unknown,
  ) {
    this.#checkNames(gvk, namespace, name, true);
    const { path, resource } = await this.#path(gvk, namespace, name);
    return this.request<KubernetesObject>('PATCH', path, {
      body: patch,
      contentType: 'application/merge-patch+json',
      action: `patch ${resource.plural}`,
      object: this.#describe(resource, namespace, name),
    });
  }

  async delete(
    gvk: GroupVersionKind,
    namespace: string | undefined,
    name: string,
  ) {
    this.#checkNames(gvk, namespace, name, true);
    const { path, resource } = await this.#path(gvk, namespace, name);
    await this.request('DELETE', path, {
      action: `delete ${resource.plural}`,
      object: this.#describe(resource, namespace, name),
    });
  }

  /**
   * Streams changes of a kind from `resourceVersion` on, bookmarks included; `onEnd` lets the
   * caller resume or re-list. A line that is not JSON goes to `onMalformed` and is skipped.
   */
  async watch(
    gvk: GroupVersionKind,
    options: {
      namespace?: string;
      resourceVersion?: string;
      labelSelector?: string;
      fieldSelector?: string;
      timeoutSeconds?: number;
      onMalformed?: (line: string) => void;
    },
    onEvent: (event: WatchEvent) => void,
    onEnd: (error?: Error) => void,
  ) {
    const { path, resource } = await this.#path(gvk, options.namespace);
    const query = withQuery(path, {
      watch: 'true',
      resourceVersion: options.resourceVersion,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      allowWatchBookmarks: 'true',
      timeoutSeconds:
        options.timeoutSeconds === undefined
          ? undefined
          : String(options.timeoutSeconds),
    });
    const onLine = (line: string) => {
      let event: WatchEvent;
      try {
        event = JSON.parse(line);
      } catch {
        options.onMalformed?.(line);
        return;
      }
      onEvent(event);
    };
    // A refusal says what was refused, as toBackstageError does for other calls; the status
    // stays on the error, since a watcher re-lists on 410 and 404.
    const onRefused = (error?: Error) =>
      onEnd(
        error instanceof TransportError && error.status === 403
          ? new TransportError(
              `Not permitted to watch ${resource.plural} on cluster '${this.cluster}': ${error.message}`,
              403,
            )
          : error,
      );
    return streamLines(this.#connection, query, onLine, onRefused);
  }

  /**
   * A GET through the API server's service proxy: the only way the plugins reach an app,
   * so no URL from user data is ever fetched directly. The app is the tenant's code, so its
   * answer is bounded: `timeoutMs` for the whole exchange and PROXY_MAX_BODY_BYTES.
   */
  async proxyGet(
    namespace: string,
    service: string,
    port: number | string,
    path: string,
    timeoutMs: number,
  ) {
    assertNamespace('namespace', namespace);
    assertObjectName('service', 'Service', service);
    assertServicePort(port);
    assertProxyPath(path);
    const target = `/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/services/${encodeURIComponent(
      `${service}:${port}`,
    )}/proxy/${path.replace(/^\/+/, '')}`;
    const started = Date.now();
    const res = await sendRequest(this.#connection, {
      method: 'GET',
      path: target,
      timeoutMs,
      maxBodyBytes: PROXY_MAX_BODY_BYTES,
    });
    return {
      status: res.status,
      body: res.body,
      latencyMs: Date.now() - started,
    };
  }
}

/** A port number, or a port name (IANA service name). */
function assertServicePort(port: number | string) {
  const ok =
    typeof port === 'number'
      ? Number.isInteger(port) && port > 0 && port < 65536
      : /^(\d{1,5}|[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?)$/.test(port);
  if (!ok)
    throw new InputError(
      `port ${JSON.stringify(port)} is not a valid Service port number or name`,
    );
}

/** Plain path segments only: a '..' would climb out of the service proxy into the API itself. */
function assertProxyPath(path: string) {
  const segments = path.replace(/^\/+/, '').split('/');
  if (
    !/^[A-Za-z0-9._~\-/]*$/.test(path) ||
    segments.some(s => s === '.' || s === '..')
  )
    throw new InputError(
      `path ${JSON.stringify(
        path,
      )} is not a plain URL path (letters, digits, "-", "_", "~", "." and "/", no "." or ".." segments)`,
    );
}

function parseStatus(body: string): KubernetesStatus | undefined {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
