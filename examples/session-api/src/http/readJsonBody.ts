import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest } from './httpError.ts';

/** Request bodies above this are refused with 413 before being parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `request body exceeds ${MAX_BODY_BYTES} bytes`,
  );
}

/**
 * Reads and parses a JSON request body, refusing oversized ones early (by
 * Content-Length) or as soon as the streamed bytes pass the limit, so a
 * huge upload is never buffered.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();

  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    received += (chunk as Buffer).length;
    if (received > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    throw badRequest(
      'empty_body',
      'request body is empty; expected a JSON object',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(
      'malformed_json',
      `request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
