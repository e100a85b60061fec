import http from 'node:http';
import https from 'node:https';

/** Keep-alive agents for the sandbox's own client calls; idle sockets do not hold the process open. */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export type TextAnswer = { status: number; text: string };

/**
 * One HTTP request whose answer is read whole, as text. The calls that run once per object
 * (the seeder's creates, the ACK controller's calls to dynalite) use node:http rather than
 * fetch: with 1,000 requests, fetch and its web streams took about 1.5 s of the idle-cluster
 * test's CPU.
 */
export function requestText(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<TextAnswer> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.body !== undefined)
    headers['Content-Length'] = Buffer.byteLength(options.body);
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: options.method,
        headers,
        agent: agents[target.protocol as keyof typeof agents],
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
