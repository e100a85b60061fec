import {
  entityNameOfClusterObject,
  entityRefOfClusterObject,
} from './entityRefs';

/** The catalog's own rules (catalog-model's KubernetesValidatorFunctions). */
const VALID_ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALID_ENTITY_NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function expectValid(ref: { namespace: string; name: string }) {
  expect(ref.name).toMatch(VALID_ENTITY_NAME);
  expect(ref.name.length).toBeLessThanOrEqual(63);
  expect(ref.namespace).toMatch(VALID_ENTITY_NAMESPACE);
  expect(ref.namespace.length).toBeLessThanOrEqual(63);
}

describe('entityRefOfClusterObject', () => {
  it('puts the entity in the object namespace, named after the object and its cluster', () => {
    expect(
      entityRefOfClusterObject({
        kind: 'resource',
        cluster: 'sandbox',
        namespace: 'team-a',
        name: 'orders',
      }),
    ).toBe('resource:team-a/orders_sandbox');
    expect(
      entityRefOfClusterObject({
        kind: 'component',
        cluster: 'sandbox',
        name: 'session-app',
      }),
    ).toBe('component:default/session-app_sandbox');
  });

  it('gives same-named objects of two namespaces or two clusters different refs', () => {
    const refs = [
      { cluster: 'sandbox', namespace: 'team-a', name: 'orders' },
      { cluster: 'sandbox', namespace: 'team-b', name: 'orders' },
      { cluster: 'prod', namespace: 'team-a', name: 'orders' },
      // The separator cannot be forged from either side: Kubernetes names have no `_`.
      { cluster: 'b', namespace: 'team-a', name: 'a_b' },
      { cluster: 'a.b', namespace: 'team-a', name: 'orders' },
      { cluster: 'a', namespace: 'team-a', name: 'b.orders' },
    ].map(o => entityRefOfClusterObject({ kind: 'resource', ...o }));
    expect(new Set(refs.map(r => r.toLocaleLowerCase('en-US'))).size).toBe(
      refs.length,
    );
  });

  it('is stable: the same object always gets the same ref', () => {
    const object = {
      kind: 'resource' as const,
      cluster: 'Prod EU/1',
      namespace: 'team-a',
      name: `orders-${'x'.repeat(200)}`,
    };
    expect(entityRefOfClusterObject(object)).toBe(
      entityRefOfClusterObject({ ...object }),
    );
    expect(entityRefOfClusterObject(object)).toMatchInlineSnapshot(
      `"resource:team-a/orders-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx__59966ca331823031"`,
    );
  });

  it('keeps every name within the catalog rules, shortening long ones with a hash', () => {
    const long = 'a'.repeat(240);
    const names = [
      { cluster: 'sandbox', namespace: 'n'.repeat(63), name: long },
      { cluster: 'sandbox', namespace: 'team-a', name: `${long}.b` },
      { cluster: 'Prod', namespace: 'team-a', name: 'orders' },
      { cluster: 'prod', namespace: 'team-a', name: 'orders' },
      { cluster: 'eks/eu-west-1 (blue)', namespace: 'team-a', name: 'x' },
      { cluster: '___', namespace: 'team-a', name: 'x' },
      { cluster: 'c'.repeat(100), namespace: 'team-a', name: 'x' },
    ].map(o => entityNameOfClusterObject({ kind: 'resource', ...o }));
    names.forEach(expectValid);
    // Long names that share their first characters stay apart.
    expect(names[0].name).not.toBe(names[1].name);
    expect(names[0].name).toContain('__');
    // Cluster names the catalog would take as one (it ignores case) stay apart.
    expect(names[2].name.toLocaleLowerCase('en-US')).not.toBe(
      names[3].name.toLocaleLowerCase('en-US'),
    );
    expect(names[3].name).toBe('orders_prod');
  });
});
