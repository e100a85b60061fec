import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from './ApiError';

const MAX_BODY_BYTES = 3 * 1024 * 1024; // the apiserver's own request size limit

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(
        413,
        'RequestEntityTooLarge',
        'Request entity too large: limit is 3145728',
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a request body as JSON, or YAML for server-side apply, as the apiserver accepts both. */
export async function readObjectBody(req: IncomingMessage): Promise<any> {
  const raw = (await readRawBody(req)).toString('utf8');
  if (!raw.trim()) return undefined;
  const contentType = req.headers['content-type'] ?? '';
  try {
    return /yaml/.test(contentType) ? parseYaml(raw) : JSON.parse(raw);
  } catch (error) {
    throw badRequest(
      `the body of the request could not be decoded: ${
        (error as Error).message
      }`,
    );
  }
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): number {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          'InternalError',
          `Internal error occurred: ${(error as Error)?.message ?? error}`,
        );
  if (!res.headersSent) sendJson(res, apiError.code, apiError.toStatus());
  else res.end();
  return apiError.code;
}

/** The `Warning` header the apiserver uses for pruned unknown fields. */
export function warningHeaders(warnings: string[]): Record<string, string[]> {
  return warnings.length
    ? { Warning: warnings.map(w => `299 - ${JSON.stringify(w)}`) }
    : {};
}
