import {
  api,
  startWidgetSandbox,
  widget,
  WIDGETS,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

describe('the sandbox API server', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startWidgetSandbox();
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('answers 401 with a Status when the bearer token is missing or wrong', async () => {
    const res = await fetch(`${sandbox.plainHttpUrl}/api/v1/namespaces`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Unauthorized',
      code: 401,
    });
    const wrong = await fetch(`${sandbox.plainHttpUrl}/api/v1/namespaces`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('serves discovery, updated when a CRD registers a kind', async () => {
    expect((await api(sandbox, 'GET', '/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = (await api(sandbox, 'GET', '/apis')).body;
    expect(groups.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining(['apps', 'apiextensions.k8s.io', 'example.io']),
    );
    const resources = (await api(sandbox, 'GET', '/apis/example.io/v1')).body;
    expect(resources.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'widgets',
          kind: 'Widget',
          namespaced: true,
        }),
        expect.objectContaining({ name: 'widgets/status' }),
      ]),
    );
    expect((await api(sandbox, 'GET', '/apis/nothing.io/v1')).status).toBe(404);
    expect((await api(sandbox, 'GET', '/version')).body.gitVersion).toMatch(
      /^v1\.32/,
    );
  });

  it('serves the OpenAPI v3 that kubectl checks before trusting server-side validation', async () => {
    const index = (await api(sandbox, 'GET', '/openapi/v3')).body;
    const url = index.paths['apis/example.io/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/example.io\/v1\?hash=/);
    const doc = (await api(sandbox, 'GET', url)).body;
    const patch =
      doc.paths['/apis/example.io/v1/namespaces/{namespace}/widgets/{name}']
        .patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'example.io',
      version: 'v1',
      kind: 'Widget',
    });
    expect(patch.parameters.map((p: any) => p.name)).toContain(
      'fieldValidation',
    );
    // v2 exists but is empty: kubectl then skips client-side checks of `kind: List` items.
    const v2 = await api(sandbox, 'GET', '/openapi/v2');
    expect(v2.body).toMatchObject({ swagger: '2.0', definitions: {} });
    // Built-in kinds carry documentation for `kubectl explain`.
    const core = (
      await api(sandbox, 'GET', index.paths['api/v1'].serverRelativeURL)
    ).body;
    expect(
      core.components.schemas['io.k8s.api.core.v1.ConfigMap'],
    ).toMatchObject({
      description: expect.stringContaining('configuration data'),
      'x-kubernetes-group-version-kind': [
        { group: '', version: 'v1', kind: 'ConfigMap' },
      ],
    });
  });

  it('answers 404 and 409 with the Status bodies clients parse', async () => {
    const missing = await api(sandbox, 'GET', `${WIDGETS}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      reason: 'NotFound',
      message: 'widgets.example.io "nope" not found',
      details: { name: 'nope', group: 'example.io', kind: 'widgets' },
    });
    await api(sandbox, 'POST', WIDGETS, widget('twice'));
    expect(
      (await api(sandbox, 'POST', WIDGETS, widget('twice'))).body,
    ).toMatchObject({ code: 409, reason: 'AlreadyExists' });

    const current = (await api(sandbox, 'GET', `${WIDGETS}/twice`)).body;
    const first = await api(sandbox, 'PUT', `${WIDGETS}/twice`, {
      ...current,
      spec: { ...current.spec, color: 'blue' },
    });
    expect(first.status).toBe(200);
    expect(first.body.metadata.generation).toBe(2);
    const stale = await api(sandbox, 'PUT', `${WIDGETS}/twice`, {
      ...current,
      spec: { ...current.spec, size: 5 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on widgets.example.io "twice": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('filters lists by label and field selectors, in a namespace or across all', async () => {
    await api(sandbox, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    await api(
      sandbox,
      'POST',
      WIDGETS,
      widget('sel-1', undefined, { tier: 'gold', app: 'x' }),
    );
    await api(
      sandbox,
      'POST',
      WIDGETS,
      widget('sel-2', undefined, { tier: 'silver' }),
    );
    await api(
      sandbox,
      'POST',
      '/apis/example.io/v1/namespaces/team-a/widgets',
      widget('sel-3', undefined, { tier: 'bronze', app: 'y' }),
    );
    const names = async (query: string, base = '/apis/example.io/v1/widgets') =>
      (await api(sandbox, 'GET', `${base}?${query}`)).body.items
        .map((o: any) => o.metadata.name)
        .filter((n: string) => n.startsWith('sel-'))
        .sort();
    expect(
      await names(`labelSelector=${encodeURIComponent('tier=gold')}`),
    ).toEqual(['sel-1']);
    expect(
      await names(`labelSelector=${encodeURIComponent('tier!=gold,tier')}`),
    ).toEqual(['sel-2', 'sel-3']);
    expect(
      await names(
        `labelSelector=${encodeURIComponent('tier in (gold,bronze)')}`,
      ),
    ).toEqual(['sel-1', 'sel-3']);
    expect(
      await names(`labelSelector=${encodeURIComponent('tier notin (gold)')}`),
    ).toEqual(['sel-2', 'sel-3']);
    expect(await names(`labelSelector=${encodeURIComponent('app')}`)).toEqual([
      'sel-1',
      'sel-3',
    ]);
    expect(
      await names(`labelSelector=${encodeURIComponent('!app,tier')}`),
    ).toEqual(['sel-2']);
    expect(
      await names(
        `fieldSelector=${encodeURIComponent('metadata.namespace=team-a')}`,
      ),
    ).toEqual(['sel-3']);
    expect(
      await names(
        `fieldSelector=${encodeURIComponent('metadata.name=sel-2')}`,
        WIDGETS,
      ),
    ).toEqual(['sel-2']);
    // A pinned name is looked up, not scanned for; the rest of the selector still applies,
    // and across namespaces the name is found in whichever namespace holds it.
    expect(
      await names(
        `fieldSelector=${encodeURIComponent(
          'metadata.name==sel-2,metadata.namespace=team-a',
        )}`,
        WIDGETS,
      ),
    ).toEqual([]);
    expect(
      await names(
        `fieldSelector=${encodeURIComponent(
          'metadata.name=sel-1',
        )}&labelSelector=${encodeURIComponent('tier=silver')}`,
        WIDGETS,
      ),
    ).toEqual([]);
    expect(
      await names(`fieldSelector=${encodeURIComponent('metadata.name=sel-3')}`),
    ).toEqual(['sel-3']);
    expect(
      (
        await api(
          sandbox,
          'POST',
          '/apis/example.io/v1/namespaces/ghost/widgets',
          widget('w'),
        )
      ).body,
    ).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
  });

  it('serves a meta.k8s.io Table with the CRD printer columns when asked', async () => {
    const res = await api(sandbox, 'GET', WIDGETS, undefined, undefined, {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(res.body.kind).toBe('Table');
    expect(res.body.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Color',
    ]);
    expect(res.body.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('honours finalizers: deletion marks the object and removes it once they are gone', async () => {
    await api(sandbox, 'POST', WIDGETS, {
      ...widget('held'),
      metadata: { name: 'held', finalizers: ['example.io/hold'] },
    });
    const deleting = await api(sandbox, 'DELETE', `${WIDGETS}/held`);
    expect(deleting.body.metadata.deletionTimestamp).toEqual(
      expect.any(String),
    );
    expect((await api(sandbox, 'GET', `${WIDGETS}/held`)).status).toBe(200);
    await api(
      sandbox,
      'PATCH',
      `${WIDGETS}/held`,
      { metadata: { finalizers: null } },
      'application/merge-patch+json',
    );
    expect((await api(sandbox, 'GET', `${WIDGETS}/held`)).status).toBe(404);
  });

  it('streams watch events from a resourceVersion', async () => {
    const list = (await api(sandbox, 'GET', WIDGETS)).body;
    const controller = new AbortController();
    const res = await fetch(
      `${sandbox.plainHttpUrl}${WIDGETS}?watch=true&resourceVersion=${list.metadata.resourceVersion}&allowWatchBookmarks=true`,
      {
        headers: { Authorization: `Bearer ${sandbox.token}` },
        signal: controller.signal,
      },
    );
    const events: any[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as any) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          // Bookmarks (asked for) are covered in watchBookmarks.test.ts.
          const event = line ? JSON.parse(line) : undefined;
          if (event && event.type !== 'BOOKMARK') events.push(event);
        }
        if (events.length >= 3) break;
      }
    })();
    await api(sandbox, 'POST', WIDGETS, widget('watched'));
    await api(
      sandbox,
      'PATCH',
      `${WIDGETS}/watched`,
      { spec: { size: 9 } },
      'application/merge-patch+json',
    );
    await api(sandbox, 'DELETE', `${WIDGETS}/watched`);
    await reading;
    controller.abort();
    expect(events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'watched'],
      ['MODIFIED', 'watched'],
      ['DELETED', 'watched'],
    ]);
    expect(events[1].object.spec.size).toBe(9);
  });

  it('counts requests by verb and resource, at /sandbox/metrics and requestCounts()', async () => {
    const metrics = (await api(sandbox, 'GET', '/sandbox/metrics')).body;
    expect(metrics.requests.byResource['widgets.example.io']).toMatchObject({
      create: expect.any(Number),
      get: expect.any(Number),
      list: expect.any(Number),
      watch: 1,
    });
    expect(sandbox.requestCounts().total).toBeGreaterThan(20);
  });
});
