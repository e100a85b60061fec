import type { IncomingMessage } from 'node:http';
import { badRequest } from './httpError.ts';

export interface RouteContext {
  request: IncomingMessage;
  url: URL;
  params: Record<string, string>;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (context: RouteContext) => Promise<RouteResult>;

export interface Route {
  method: string;
  /** Segments starting with ':' capture a URL-decoded parameter. */
  pattern: string;
  handler: RouteHandler;
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

function splitPath(path: string): string[] {
  // A single trailing slash is forgiven: /sessions/ is /sessions.
  const trimmed =
    path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(
      'malformed_path',
      `path segment "${segment}" is not valid URL encoding`,
    );
  }
}

function matchPattern(
  patternSegments: string[],
  pathSegments: string[],
): Record<string, string> | undefined {
  if (patternSegments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const expected = patternSegments[i];
    const actual = pathSegments[i];
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

/**
 * A deliberately tiny router for a handful of routes: they are tried in the
 * order given and the first whose method and segments match wins. A path that
 * matches only under other methods yields the list for a 405's Allow header.
 */
export function createRouter(routes: Route[]) {
  const compiled = routes.map(route => ({
    ...route,
    segments: splitPath(route.pattern),
  }));

  return function match(method: string, path: string): RouteMatch {
    const pathSegments = splitPath(path);
    const allowed: string[] = [];
    for (const route of compiled) {
      const rawParams = matchPattern(route.segments, pathSegments);
      if (!rawParams) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(rawParams)) {
        params[name] = decodeSegment(value);
      }
      return { kind: 'found', handler: route.handler, params };
    }
    return allowed.length > 0
      ? { kind: 'wrong-method', allowed }
      : { kind: 'not-found' };
  };
}
