import { startConformanceSandbox } from './__testUtils__/conformanceSandbox';
import { api, kubectl, type TestSandbox } from './__testUtils__/testSandbox';

/*
 * `kubectl get --chunk-size` lists in pages through `limit` and `continue`, as it does against
 * a real API server; a client that does not page gets everything, as before.
 */
describe('paged lists', () => {
  let sandbox: TestSandbox;
  const k = (...args: string[]) => kubectl(sandbox, args);
  const names = ['p0', 'p1', 'p2', 'p3', 'p4'];

  beforeAll(async () => {
    sandbox = await startConformanceSandbox();
    await api(sandbox, 'POST', '/api/v1/namespaces', {
      metadata: { name: 'paging' },
    });
    for (const name of names)
      await api(sandbox, 'POST', '/api/v1/namespaces/paging/configmaps', {
        metadata: { name },
        data: { a: 'b' },
      });
  }, 30_000);

  afterAll(() => sandbox.stop());

  /** The list requests kubectl logged at -v=6, e.g. `GET https://…/configmaps?limit=2 200 OK`. */
  const listCalls = (stderr: string) =>
    stderr
      .split('\n')
      .filter(line => /GET \S+\/namespaces\/paging\/configmaps\?/.test(line));

  it('kubectl get --chunk-size=2 shows every object, fetched in three pages', async () => {
    const out = await k(
      'get',
      'configmaps',
      '-n',
      'paging',
      '--chunk-size=2',
      '-v=6',
    );
    expect(out.code).toBe(0);
    for (const name of names)
      expect(out.stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
    const calls = listCalls(out.stderr);
    expect(calls).toHaveLength(3);
    expect(calls[0]).toContain('limit=2');
    expect(calls[0]).not.toContain('continue=');
    expect(calls[1]).toContain('continue=');
    expect(calls[2]).toContain('continue=');
  }, 60_000);

  it('kubectl get -o name pages the JSON list the same way', async () => {
    const out = await k(
      'get',
      'configmaps',
      '-n',
      'paging',
      '--chunk-size=2',
      '-o',
      'name',
      '-v=6',
    );
    expect(out.stdout.trim().split('\n')).toEqual(
      names.map(n => `configmap/${n}`),
    );
    expect(listCalls(out.stderr)).toHaveLength(3);
  }, 60_000);

  it('answers limit, continue and remainingItemCount over the API', async () => {
    const first = await api(
      sandbox,
      'GET',
      '/api/v1/namespaces/paging/configmaps?limit=3',
    );
    expect(first.body.items.map((o: any) => o.metadata.name)).toEqual([
      'p0',
      'p1',
      'p2',
    ]);
    expect(first.body.metadata.remainingItemCount).toBe(2);
    const rest = await api(
      sandbox,
      'GET',
      `/api/v1/namespaces/paging/configmaps?limit=3&continue=${encodeURIComponent(
        first.body.metadata.continue,
      )}`,
    );
    expect(rest.body.items.map((o: any) => o.metadata.name)).toEqual([
      'p3',
      'p4',
    ]);
    expect(rest.body.metadata.continue).toBeUndefined();
    expect(rest.body.metadata.resourceVersion).toBe(
      first.body.metadata.resourceVersion,
    );
  });
});
