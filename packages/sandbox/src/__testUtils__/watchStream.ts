import type { Sandbox } from '../startSandbox';

export type WatchEvent = { type: string; object: any };

export type WatchStream = {
  /** Every event received so far, in order. */
  events: WatchEvent[];
  /** Resolves with the first event (received or to come) after `from` that matches. */
  next(
    matches: (e: WatchEvent) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<WatchEvent>;
  /** Whether the server ended the stream. */
  ended(): boolean;
  close(): void;
};

/** Opens a watch over plain HTTP with the main token and collects its events as they come. */
export async function openWatch(
  sandbox: Pick<Sandbox, 'plainHttpUrl' | 'token'>,
  pathAndQuery: string,
): Promise<WatchStream> {
  const controller = new AbortController();
  const res = await fetch(`${sandbox.plainHttpUrl}${pathAndQuery}`, {
    headers: { Authorization: `Bearer ${sandbox.token}` },
    signal: controller.signal,
  });
  if (res.status !== 200)
    throw new Error(`watch answered ${res.status}: ${await res.text()}`);
  const events: WatchEvent[] = [];
  const waiters = new Set<() => void>();
  let done = false;
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as any) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line) events.push(JSON.parse(line));
        waiters.forEach(wake => wake());
      }
    } catch {
      // aborted by close()
    }
    done = true;
    waiters.forEach(wake => wake());
  })();
  return {
    events,
    ended: () => done,
    close: () => controller.abort(),
    next: (matches, { from = 0, timeoutMs = 5000 } = {}) =>
      new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined = undefined;
        const check = () => {
          const found = events.slice(from).find(matches);
          if (found || done) {
            clearTimeout(timer);
            waiters.delete(check);
            if (found) resolve(found);
            else
              reject(
                new Error(`watch ended; events: ${JSON.stringify(events)}`),
              );
          }
        };
        timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching watch event in ${timeoutMs} ms; events: ${JSON.stringify(
                events,
              )}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
