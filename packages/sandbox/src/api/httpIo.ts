import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from '../errors/ApiError';
import {
  decodeProtobufObject,
  ProtobufDecodeError,
} from './protobuf/decodeProtobuf';
import { parseYaml } from '../yamlText';

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

/** The media types the sandbox reads, listed in 415 answers as the apiserver lists its own. */
export const ACCEPTED_MEDIA_TYPES =
  'application/json, application/yaml, application/vnd.kubernetes.protobuf';

/**
 * Parses a request body as JSON, YAML (server-side apply) or Kubernetes protobuf (kubectl's
 * typed commands). Protobuf the sandbox cannot read, and CBOR, get a 415 `UnsupportedMediaType`
 * as from the apiserver: a client that can switches to JSON on that answer.
 */
export async function readObjectBody(req: IncomingMessage): Promise<any> {
  const contentType = req.headers['content-type'] ?? '';
  const bytes = await readRawBody(req);
  if (/protobuf/.test(contentType)) return decodeProtobuf(bytes);
  if (/cbor/.test(contentType)) throw unsupportedMediaType(contentType);
  const raw = bytes.toString('utf8');
  if (!raw.trim()) return undefined;
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

function decodeProtobuf(bytes: Buffer): Record<string, unknown> | undefined {
  if (!bytes.length) return undefined;
  try {
    return decodeProtobufObject(bytes);
  } catch (error) {
    if (error instanceof ProtobufDecodeError)
      throw unsupportedMediaType(
        `application/vnd.kubernetes.protobuf (${error.message})`,
      );
    throw error;
  }
}

export function unsupportedMediaType(what: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED_MEDIA_TYPES}`,
    { causes: [{ reason: 'UnsupportedMediaType', message: what }] },
  );
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
