import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSettings } from '../faults/FaultSettings';
import type { ClusterOperations } from '../store/ClusterOperations';
import { ADMIN, type UserInfo } from '../auth/identities';
import { ApiError, methodNotAllowed, pageNotFound } from '../errors/ApiError';
import { authenticate, authorizeRequest, type AuthDeps } from './authFilter';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  coreApiVersions,
  versionInfo,
} from './discovery';
import { handleResourceRequest, verbOf } from './handleResourceRequest';
import { handleReview } from './handleReview';
import { handleScale } from './handleScale';
import {
  handleTokenRequest,
  type TokenRequestOptions,
} from './handleTokenRequest';
import type { WatchRegistry } from './WatchRegistry';
import { readObjectBody, sendError, sendJson } from './httpIo';
import type { OpenApiDocuments } from './openApiDocuments';
import { openApiV2 } from './openApiV2';
import { parseApiPath } from './parseApiPath';
import { stripPathPrefix } from './pathPrefix';
import type { RequestCounter } from './RequestCounter';
import type { EndpointResolver } from '../workloads/EndpointResolver';
import { proxyToService } from './serviceProxy';

export type ApiServerDeps = AuthDeps & {
  ops: ClusterOperations;
  faults: FaultSettings;
  counter: RequestCounter;
  watches: WatchRegistry;
  openApi: OpenApiDocuments;
  endpoints: EndpointResolver;
  /** Extra figures for /sandbox/metrics (controller activity). */
  controllerMetrics: () => Record<string, unknown>;
  /** Everything (the API and /sandbox/*) is served below this path; elsewhere is 404. */
  pathPrefix?: string;
  tokenRequests: TokenRequestOptions;
};

/**
 * The HTTP front: the sandbox's own control endpoints (never subject to faults, so a test can
 * always switch them off again), then staged faults, bearer-token auth, and the Kubernetes API.
 */
export function createApiRequestHandler(
  deps: ApiServerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(error => sendError(res, error));
  };
}

async function handle(
  deps: ApiServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const below = stripPathPrefix(url.pathname, deps.pathPrefix);
  if (below === undefined) throw pageNotFound();
  url.pathname = below;
  const caller = authenticate(deps, req);
  if (url.pathname.startsWith('/sandbox/')) {
    // The sandbox's own controls are for the admin token only.
    if (caller !== ADMIN)
      throw new ApiError(401, 'Unauthorized', 'Unauthorized');
    await handleSandboxControl(deps, req, res, url);
    return;
  }
  const faults = deps.faults.get();
  if (faults.apiDown) {
    req.socket.destroy();
    return;
  }
  if (faults.apiLatencyMs) await sleep(faults.apiLatencyMs);
  const target = parseApiPath(url.pathname);
  const resource = metricsResource(target, url.pathname);
  const verb =
    target?.type === 'resource'
      ? verbOf(req.method ?? 'GET', target.name, url)
      : (req.method ?? 'GET').toLowerCase();
  let code = 500;
  try {
    const failure = deps.faults.failureCode();
    if (failure === 500)
      throw new ApiError(
        500,
        'InternalError',
        'Internal error occurred: the sandbox was told to fail this request (fault apiErrorRate)',
      );
    if (failure === 503)
      throw new ApiError(
        503,
        'ServiceUnavailable',
        'the server is currently unable to handle the request (fault apiErrorRate)',
        { retryAfterSeconds: 1 },
      );
    const user = authorizeRequest(
      deps,
      req,
      caller,
      url.pathname,
      target,
      verb,
    );
    code = await route(deps, req, res, url, target, user);
  } catch (error) {
    code = sendError(res, error);
  } finally {
    deps.counter.record(verb, resource, code);
  }
}

async function route(
  deps: ApiServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: ReturnType<typeof parseApiPath>,
  user: UserInfo,
): Promise<number> {
  const { ops } = deps;
  const registry = ops.registry;
  const path = url.pathname.replace(/\/$/, '');
  if (path === '/version') return json(res, versionInfo());
  if (['/healthz', '/livez', '/readyz'].includes(path)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return 200;
  }
  if (path === '/openapi/v2') {
    const { contentType, body } = openApiV2(req.headers.accept);
    res.writeHead(200, { 'Content-Type': contentType }).end(body);
    return 200;
  }
  if (path === '/openapi/v3') return json(res, deps.openApi.index());
  if (path.startsWith('/openapi/v3/')) {
    const [kind, ...gv] = path.slice('/openapi/v3/'.length).split('/');
    const doc =
      kind === 'api'
        ? deps.openApi.document('', gv[0])
        : deps.openApi.document(gv[0], gv[1]);
    if (!doc) throw pageNotFound();
    return json(res, doc);
  }
  if (!target) throw pageNotFound();
  if (target.type === 'discovery') {
    if (target.group === '' && !target.version)
      return json(res, coreApiVersions(req.headers.host ?? '127.0.0.1'));
    if (target.group === '*') return json(res, apiGroupList(registry));
    const doc = target.version
      ? apiResourceList(registry, target.group, target.version)
      : apiGroupDocument(registry, target.group);
    if (!doc) throw pageNotFound();
    return json(res, doc);
  }
  if (target.type === 'proxy')
    return proxyToService(ops, deps.endpoints, target, req, res, url.search);
  const type = registry.byPlural(target.group, target.version, target.plural);
  if (!type) throw pageNotFound();
  if (
    type.verbs &&
    !type.verbs.includes(verbOf(req.method ?? 'GET', target.name, url))
  )
    throw methodNotAllowed();
  if (type.verbs)
    return handleReview(
      deps.authorizer,
      user,
      type,
      target.namespace,
      await readObjectBody(req),
      res,
    );
  if (type.kind === 'Deployment' && target.subresource === 'scale')
    return handleScale(ops, type, target.namespace!, target.name!, req, res);
  if (type.kind === 'ServiceAccount' && target.subresource === 'token') {
    if (req.method !== 'POST') throw methodNotAllowed();
    return handleTokenRequest(
      ops,
      deps.identities,
      deps.tokenRequests,
      { namespace: target.namespace!, name: target.name! },
      await readObjectBody(req),
      res,
    );
  }
  return handleResourceRequest(ops, deps.watches, {
    req,
    res,
    url,
    type,
    namespace: target.namespace,
    name: target.name,
    subresource: target.subresource,
  });
}

async function handleSandboxControl(
  deps: ApiServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname === '/sandbox/metrics' && req.method === 'GET') {
    json(res, {
      requests: deps.counter.snapshot(),
      openWatches: deps.watches.size,
      controllers: deps.controllerMetrics(),
    });
    return;
  }
  if (url.pathname === '/sandbox/faults') {
    if (req.method === 'PUT' || req.method === 'PATCH') {
      const body = (await readObjectBody(req)) ?? {};
      if (typeof body !== 'object' || Array.isArray(body))
        throw new ApiError(400, 'BadRequest', 'faults must be a JSON object');
      json(res, deps.faults.set(body));
      return;
    }
    if (req.method === 'DELETE') {
      json(res, deps.faults.reset());
      return;
    }
    if (req.method === 'GET') {
      json(res, deps.faults.get());
      return;
    }
  }
  throw pageNotFound();
}

function json(res: ServerResponse, body: unknown): number {
  sendJson(res, 200, body);
  return 200;
}

/** How a request is labelled in the metrics: `plural.group`, `services/proxy`, or a non-resource bucket. */
function metricsResource(
  target: ReturnType<typeof parseApiPath>,
  pathname: string,
): string {
  if (target?.type === 'resource')
    return target.group ? `${target.plural}.${target.group}` : target.plural;
  if (target?.type === 'proxy') return 'services/proxy';
  return nonResourceLabel(pathname);
}

function nonResourceLabel(pathname: string): string {
  if (pathname.startsWith('/openapi')) return '(openapi)';
  if (pathname === '/version') return '(version)';
  if (pathname.startsWith('/api')) return '(discovery)';
  return '(other)';
}
