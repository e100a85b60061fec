/**
 * A small stand-in Kubernetes API server on 127.0.0.1 for the action tests: discovery for the
 * three kinds the actions use, create (with dryRun=All), get and list by label, and Status
 * error bodies like a real server's. Tests script faults and controller behaviour through
 * `answer` and `onCreate`; anything more realistic belongs to the sandbox test.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

type StoredObject = {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: any;
};
type Answer = { status: number; body?: unknown };

const KINDS: Record<string, { plural: string; kind: string }> = {
  'dynamodb.kratix.io/v1alpha1': {
    plural: 'dynamodbrequests',
    kind: 'DynamoDBRequest',
  },
  'core.oam.dev/v1beta1': { plural: 'applications', kind: 'Application' },
  'dynamodb.services.k8s.aws/v1alpha1': { plural: 'tables', kind: 'Table' },
};

const status = (code: number, reason: string, message: string): Answer => ({
  status: code,
  body: {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    reason,
    message,
  },
});

function matchesSelector(
  object: StoredObject,
  selector: string | null,
): boolean {
  if (!selector) return true;
  return selector.split(',').every(term => {
    const [key, value] = term.split('=');
    return object.metadata.labels?.[key] === value;
  });
}

export class FakeKubernetesApi {
  /** Every request, as `METHOD /path?query`. */
  readonly requests: string[] = [];
  /** Stored objects by `<plural>/<namespace>/<name>`. */
  readonly objects = new Map<string, StoredObject>();
  /** Return an answer to override the emulation for one request (e.g. a 403). */
  answer?: (method: string, path: string) => Answer | undefined;
  /** Called after an object is stored, like a controller that reacts to it. */
  onCreate?: (plural: string, object: StoredObject) => void;
  readonly #server: http.Server;
  #url = '';

  private constructor() {
    this.#server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        this.requests.push(`${req.method} ${req.url}`);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const answer =
          this.answer?.(req.method ?? 'GET', url.pathname) ??
          this.#handle(req.method ?? 'GET', url, body);
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
  }

  static async start(): Promise<FakeKubernetesApi> {
    const api = new FakeKubernetesApi();
    await new Promise<void>(resolve =>
      api.#server.listen(0, '127.0.0.1', resolve),
    );
    api.#url = `http://127.0.0.1:${
      (api.#server.address() as AddressInfo).port
    }`;
    return api;
  }

  get url() {
    return this.#url;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise(resolve => this.#server.close(() => resolve()));
  }

  /** Stores an object directly, as if someone else had created it. */
  put(plural: string, object: StoredObject) {
    const stored = {
      ...object,
      metadata: { uid: randomUUID(), ...object.metadata },
    };
    this.objects.set(
      `${plural}/${object.metadata.namespace ?? ''}/${object.metadata.name}`,
      stored,
    );
    return stored;
  }

  get(plural: string, namespace: string, name: string) {
    return this.objects.get(`${plural}/${namespace}/${name}`);
  }

  /** The POSTs that were not dry runs: what really changed the cluster. */
  creates() {
    return this.requests.filter(
      r => r.startsWith('POST') && !r.includes('dryRun=All'),
    );
  }

  #handle(method: string, url: URL, body: string): Answer {
    const groupVersion = url.pathname.match(/^\/apis\/([^/]+\/[^/]+)$/);
    if (groupVersion && method === 'GET') {
      const known = KINDS[groupVersion[1]];
      if (!known)
        return status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        );
      return {
        status: 200,
        body: {
          kind: 'APIResourceList',
          resources: [
            { name: known.plural, kind: known.kind, namespaced: true },
          ],
        },
      };
    }
    const match = url.pathname.match(
      /^\/apis\/[^/]+\/[^/]+(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/,
    );
    if (!match) return status(404, 'NotFound', `no route for ${url.pathname}`);
    const [, namespace = '', plural, name] = match;
    if (method === 'GET' && name) {
      const found = this.get(plural, namespace, name);
      return found
        ? { status: 200, body: found }
        : status(404, 'NotFound', `${plural} "${name}" not found`);
    }
    if (method === 'GET') {
      const items = [...this.objects.entries()]
        .filter(([key]) =>
          key.startsWith(`${plural}/${namespace ? `${namespace}/` : ''}`),
        )
        .map(([, object]) => object)
        .filter(object =>
          matchesSelector(object, url.searchParams.get('labelSelector')),
        );
      return {
        status: 200,
        body: { kind: 'List', items, metadata: { resourceVersion: '1' } },
      };
    }
    if (method === 'POST')
      return this.#create(
        plural,
        namespace,
        JSON.parse(body),
        url.searchParams.get('dryRun') === 'All',
      );
    return status(405, 'MethodNotAllowed', `${method} is not emulated`);
  }

  #create(
    plural: string,
    namespace: string,
    object: StoredObject,
    dryRun: boolean,
  ): Answer {
    const name = object.metadata.name;
    if (this.get(plural, namespace, name)) {
      return status(409, 'AlreadyExists', `${plural} "${name}" already exists`);
    }
    const created = {
      ...object,
      metadata: {
        ...object.metadata,
        namespace,
        uid: randomUUID(),
        resourceVersion: '1',
      },
    };
    if (dryRun) return { status: 201, body: created };
    this.objects.set(`${plural}/${namespace}/${name}`, created);
    this.onCreate?.(plural, created);
    return { status: 201, body: created };
  }
}
