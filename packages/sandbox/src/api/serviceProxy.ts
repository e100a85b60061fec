import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ClusterOperations } from '../store/ClusterOperations';
import { ApiError } from '../errors/ApiError';
import type {
  EndpointResolver,
  ServicePort,
} from '../workloads/EndpointResolver';

/**
 * `/api/v1/namespaces/<ns>/services/<name>[:<port>]/proxy/<path>`: forwards to a ready endpoint
 * of the Service, or answers 503 like the apiserver when there is none. The plugins' health
 * probes go through here, so this is the only way in to the sandbox's workloads.
 */
export async function proxyToService(
  ops: ClusterOperations,
  resolver: EndpointResolver,
  target: { namespace: string; service: string; path: string },
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
): Promise<number> {
  const { name, port: portRef } = parseServiceRef(target.service);
  const services = ops.registry.byPlural('', 'v1', 'services')!;
  const service = ops.get(services, target.namespace, name);
  const ports: ServicePort[] = service.spec?.ports ?? [];
  const port = portRef
    ? ports.find(p => p.name === portRef || String(p.port) === portRef)
    : ports[0];
  if (!port) {
    throw new ApiError(
      503,
      'ServiceUnavailable',
      `no endpoints available for service "${
        portRef ? `${name}:${portRef}` : name
      }"`,
    );
  }
  const endpoints = resolver.endpointsFor(service, port);
  if (!endpoints.length)
    throw new ApiError(
      503,
      'ServiceUnavailable',
      `no endpoints available for service "${name}"`,
    );
  const endpoint = endpoints[Math.floor(Math.random() * endpoints.length)];

  const headers = { ...req.headers };
  delete headers.authorization;
  delete headers.host;
  return new Promise<number>(resolve => {
    const upstream = http.request(
      {
        host: endpoint.host,
        port: endpoint.port,
        method: req.method,
        path: `${target.path}${search}`,
        headers,
      },
      upstreamRes => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
        upstreamRes.on('end', () => resolve(upstreamRes.statusCode ?? 502));
      },
    );
    upstream.on('error', error => {
      const failure = new ApiError(
        503,
        'ServiceUnavailable',
        `error trying to reach service: dial tcp ${endpoint.host}:${endpoint.port}: ${error.message}`,
      );
      if (!res.headersSent) {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(failure.toStatus()));
      } else res.end();
      resolve(503);
    });
    req.pipe(upstream);
  });
}

/** `name`, `name:port` or `scheme:name:port`, as kubectl and client libraries write them. */
function parseServiceRef(ref: string): { name: string; port?: string } {
  const parts = ref.split(':');
  if (parts.length === 3)
    return { name: parts[1], port: parts[2] || undefined };
  return { name: parts[0], port: parts[1] || undefined };
}
