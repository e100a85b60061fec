import { requestText } from '../net/requestText';

/** Where the seeding sends its calls: a sandbox's (or any cluster's) URL and a token. */
export type SeedTarget = { url: string; token: string };

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * A request, tried again when the connection drops: at tens of thousands of objects a busy sandbox
 * and a reused keep-alive socket sometimes part (ECONNRESET). Only the seeding retries; what it
 * retries is a create, and a create that did land answers 409 the second time.
 */
async function requestWithRetry(
  url: string,
  options: Parameters<typeof requestText>[1],
) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await requestText(url, options);
      return { res, retried: attempt > 1 };
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(500 * attempt);
    }
  }
}

export function apiClient({ url, token }: SeedTarget) {
  return async (method: string, apiPath: string, body?: unknown) => {
    const { res, retried } = await requestWithRetry(`${url}${apiPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (retried && method === 'POST' && res.status === 409) return undefined;
    const { text } = res;
    if (res.status < 200 || res.status > 299)
      throw new Error(
        `${method} ${apiPath}: ${res.status} ${text.slice(0, 300)}`,
      );
    return text ? JSON.parse(text) : undefined;
  };
}
