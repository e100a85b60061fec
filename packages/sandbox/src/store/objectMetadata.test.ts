import {
  api,
  startTestSandbox,
  type TestSandbox,
} from '../__testUtils__/testSandbox';
import { sameJson } from './objectMetadata';

describe('sameJson', () => {
  it('ignores key order and keys whose value is undefined, as JSON does', () => {
    expect(
      sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }),
    ).toBe(true);
    expect(sameJson({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
  });

  it('sees every difference that survives JSON: values, keys, array order, null', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: [1] }, { a: [1, 1] })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([{ a: 1 }], { 0: { a: 1 } })).toBe(false);
    expect(sameJson({ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } })).toBe(
      false,
    );
  });
});

describe('writes that change nothing', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  // A kind no sandbox controller writes to, so every change below is the test's own.
  const path = '/api/v1/namespaces/default/configmaps';
  const configMap = (data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'default' },
    data,
  });

  it('keeps the resourceVersion for the same object in another key order, and bumps generation only for a change of desired state', async () => {
    const created = await api(
      sandbox,
      'POST',
      path,
      configMap({ a: '1', b: '2' }),
    );
    expect(created.status).toBe(201);
    const stored = created.body;

    // The same object with its keys in reverse order: nothing is written.
    const reversed = Object.fromEntries(Object.entries(stored).reverse());
    const same = await api(sandbox, 'PUT', `${path}/settings`, reversed);
    expect(same.status).toBe(200);
    expect(same.body.metadata.resourceVersion).toBe(
      stored.metadata.resourceVersion,
    );
    expect(same.body.metadata.generation).toBe(stored.metadata.generation);

    // Changed data is a write and a new generation.
    const changed = await api(sandbox, 'PUT', `${path}/settings`, {
      ...configMap({ a: '1', b: '3' }),
      metadata: same.body.metadata,
    });
    expect(changed.body.metadata.resourceVersion).not.toBe(
      stored.metadata.resourceVersion,
    );
    expect(changed.body.metadata.generation).toBe(
      stored.metadata.generation + 1,
    );

    // A label is a write but not a new generation: metadata is not desired state.
    const labelled = await api(sandbox, 'PUT', `${path}/settings`, {
      ...changed.body,
      metadata: { ...changed.body.metadata, labels: { tier: 'front' } },
    });
    expect(labelled.body.metadata.resourceVersion).not.toBe(
      changed.body.metadata.resourceVersion,
    );
    expect(labelled.body.metadata.generation).toBe(
      changed.body.metadata.generation,
    );
  });
});
