import { request } from 'node:http';
import { ADMIN_TOKEN } from './tokens.ts';

export interface JsonResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * A tiny node:http client with a fresh connection per call (agent: false),
 * so tests never share keep-alive sockets or the jest-blocked global agent.
 * It sends ADMIN_TOKEN unless given a `token` (null for none) or an Authorization header.
 */
export function callApi(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    json?: unknown;
    rawBody?: string | Buffer;
    headers?: Record<string, string>;
    token?: string | null;
  } = {},
): Promise<JsonResponse> {
  const payload =
    options.rawBody ??
    (options.json === undefined ? undefined : JSON.stringify(options.json));
  const token = options.token === undefined ? ADMIN_TOKEN : options.token;
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json' }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...options.headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
