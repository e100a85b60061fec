import {
  api,
  startWidgetSandbox,
  widget,
  WIDGETS,
  type TestSandbox,
} from '../__testUtils__/testSandbox';

describe('schema enforcement and write semantics of the sandbox API server', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startWidgetSandbox();
  });

  afterAll(() => sandbox.stop());

  it('rejects invalid objects with 422 and a cause per field, worded like the apiserver', async () => {
    const res = await api(
      sandbox,
      'POST',
      WIDGETS,
      widget('bad', {
        color: 'green',
        size: 50,
        name: 'AB',
        keys: [{ keyType: 'HASH' }, { keyType: 'FOO' }, { keyType: 'RANGE' }],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      details: { name: 'bad', group: 'example.io', kind: 'Widget' },
    });
    expect(res.body.message).toMatch(
      /^Widget\.example\.io "bad" is invalid: \[/,
    );
    expect(res.body.details.causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueNotSupported',
          message:
            'Unsupported value: "green": supported values: "red", "blue"',
          field: 'spec.color',
        },
        {
          reason: 'FieldValueNotSupported',
          message:
            'Unsupported value: "FOO": supported values: "HASH", "RANGE"',
          field: 'spec.keys[1].keyType',
        },
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: 50: spec.size in body should be less than or equal to 10',
          field: 'spec.size',
        },
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "AB": spec.name in body should match \'^[a-z]+$\'',
          field: 'spec.name',
        },
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "AB": spec.name in body should be at least 3 chars long',
          field: 'spec.name',
        },
        {
          reason: 'FieldValueTooMany',
          message: 'Too many: 3: must have at most 2 items',
          field: 'spec.keys',
        },
      ]),
    );
    const missing = await api(
      sandbox,
      'POST',
      WIDGETS,
      widget('missing', { size: 'big' }),
    );
    expect(missing.body.details.causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.color',
        },
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "string": spec.size in body must be of type integer: "string"',
          field: 'spec.size',
        },
      ]),
    );
  });

  it('applies defaults, prunes unknown fields (with a warning) and rejects them under fieldValidation=Strict', async () => {
    const body = widget('pruned', {
      color: 'red',
      keys: [],
      surprise: 1,
      extra: { anything: { goes: true } },
    });
    const strict = await api(
      sandbox,
      'POST',
      `${WIDGETS}?fieldValidation=Strict`,
      body,
    );
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe(
      'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.surprise"',
    );
    const lax = await api(sandbox, 'POST', WIDGETS, body);
    expect(lax.status).toBe(201);
    expect(lax.headers.get('warning')).toContain(
      'unknown field \\"spec.surprise\\"',
    );
    expect(lax.body.spec).toEqual({
      color: 'red',
      keys: [],
      size: 3,
      extra: { anything: { goes: true } },
    });
    expect(lax.body.metadata).toMatchObject({
      generation: 1,
      namespace: 'default',
      uid: expect.any(String),
      creationTimestamp: expect.any(String),
      resourceVersion: expect.any(String),
    });
  });

  it('keeps status and the main resource apart when the CRD declares the status subresource', async () => {
    const created = (
      await api(sandbox, 'POST', WIDGETS, {
        ...widget('split'),
        status: { phase: 'ignored' },
      })
    ).body;
    expect(created.status).toBeUndefined();
    const withStatus = await api(sandbox, 'PUT', `${WIDGETS}/split/status`, {
      ...created,
      spec: { ...created.spec, color: 'blue' },
      status: { phase: 'Ready' },
    });
    expect(withStatus.body.status).toEqual({ phase: 'Ready' });
    expect(withStatus.body.spec.color).toBe('red');
    expect(withStatus.body.metadata.generation).toBe(1);
    const patched = await api(
      sandbox,
      'PATCH',
      `${WIDGETS}/split`,
      { spec: { size: 7 }, status: { phase: 'Hacked' } },
      'application/merge-patch+json',
    );
    expect(patched.body.status).toEqual({ phase: 'Ready' });
    expect(patched.body.spec.size).toBe(7);
    expect(patched.body.metadata.generation).toBe(2);
    const jsonPatched = await api(
      sandbox,
      'PATCH',
      `${WIDGETS}/split`,
      [{ op: 'replace', path: '/spec/color', value: 'blue' }],
      'application/json-patch+json',
    );
    expect(jsonPatched.body.spec.color).toBe('blue');
    const strategic = await api(
      sandbox,
      'PATCH',
      `${WIDGETS}/split`,
      { metadata: { labels: { tier: 'gold' } } },
      'application/strategic-merge-patch+json',
    );
    // Custom resources take no strategic merge patch, as on a real cluster.
    expect(strategic.status).toBe(415);
    expect(strategic.body.reason).toBe('UnsupportedMediaType');
  });

  it('validates dry runs without storing them', async () => {
    const dry = await api(
      sandbox,
      'POST',
      `${WIDGETS}?dryRun=All`,
      widget('dry'),
    );
    expect(dry.status).toBe(201);
    expect((await api(sandbox, 'GET', `${WIDGETS}/dry`)).status).toBe(404);
    expect(
      (
        await api(
          sandbox,
          'POST',
          `${WIDGETS}?dryRun=All`,
          widget('dry', { color: 'pink', keys: [] }),
        )
      ).status,
    ).toBe(422);
  });
});
