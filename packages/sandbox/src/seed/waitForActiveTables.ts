import { apiClient, type SeedTarget } from './apiClient';

const TABLES = '/apis/dynamodb.services.k8s.aws/v1alpha1/tables';
const PAGE_SIZE = 500;

type Table = {
  spec?: { tableName?: string };
  status?: { tableStatus?: string };
};

/**
 * Waits until every Table named in `wanted` is ACTIVE. It lists the Tables once, in pages, then
 * follows a watch, as a controller would: checking by listing every Table again and again costs
 * the sandbox a full serialisation of the cluster each time (120 MB at 50,000 Tables), which at
 * that size starved its controllers and timed out the seeding's connections.
 */
export async function waitForActiveTables(
  target: SeedTarget,
  wanted: Set<string>,
  deadline: number,
): Promise<void> {
  const active = new Set<string>();
  const note = (table: Table) => {
    const name = table.spec?.tableName;
    if (
      name !== undefined &&
      wanted.has(name) &&
      table.status?.tableStatus === 'ACTIVE'
    )
      active.add(name);
  };
  const done = () => active.size >= wanted.size;
  while (Date.now() < deadline) {
    const resourceVersion = await listInPages(target, note);
    if (done()) return;
    // A watch that ends (timeout, dropped connection, 410 Gone) is followed by a new list.
    await followWatch(target, resourceVersion, note, done, deadline).catch(
      () => undefined,
    );
    if (done()) return;
  }
  throw new Error(
    `only ${active.size} of ${wanted.size} tables became ACTIVE in time`,
  );
}

/** Lists every Table, a page at a time; returns the list's resourceVersion. */
async function listInPages(
  target: SeedTarget,
  note: (table: Table) => void,
): Promise<string> {
  const call = apiClient(target);
  let next: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (next) query.set('continue', next);
    const page = await call('GET', `${TABLES}?${query}`);
    for (const item of page.items ?? []) note(item);
    next = page.metadata?.continue;
    if (!next) return page.metadata?.resourceVersion ?? '';
  }
}

/** Reads watch events until `done()` holds, the deadline passes or the server ends the watch. */
async function followWatch(
  target: SeedTarget,
  resourceVersion: string,
  note: (table: Table) => void,
  done: () => boolean,
  deadline: number,
): Promise<void> {
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(),
    Math.max(0, deadline - Date.now()),
  );
  try {
    const query = new URLSearchParams({
      watch: '1',
      resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds: '300',
    });
    const res = await fetch(`${target.url}${TABLES}?${query}`, {
      headers: { Authorization: `Bearer ${target.token}` },
      signal: abort.signal,
    });
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of res.body) {
      buffered += decoder.decode(chunk, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.trim();
        if (!line) continue;
        const event = JSON.parse(line);
        if (event.type === 'ERROR') return; // 410 Gone: list again
        if (event.type === 'ADDED' || event.type === 'MODIFIED')
          note(event.object);
        if (done()) return;
      }
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
