import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ViewedEntities } from './ViewedEntities';

const entity = (name: string, cluster = 'east') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'kratix-dynamodb.io/cluster': cluster },
  },
  spec: { type: 'dynamodb-table', owner: 'guests' },
});

function setup(options: { maxEntries?: number } = {}) {
  let now = 1_000_000;
  const catalog = catalogServiceMock({
    entities: [entity('orders'), entity('carts'), entity('users')],
  });
  const reads = jest.spyOn(catalog, 'getEntityByRef');
  const entities = new ViewedEntities(catalog, mockServices.auth(), {
    ttlMs: 5_000,
    now: () => now,
    ...options,
  });
  return { entities, reads, advance: (ms: number) => (now += ms) };
}

describe('ViewedEntities', () => {
  it('reads an entity once within its time to live, and again after it', async () => {
    const { entities, reads, advance } = setup();
    expect((await entities.get('resource:default/orders'))?.metadata.name).toBe(
      'orders',
    );
    advance(4_999);
    await entities.get('resource:default/orders');
    expect(reads).toHaveBeenCalledTimes(1);
    advance(1);
    await entities.get('resource:default/orders');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('reads with its own service credentials, never a caller’s', async () => {
    const { entities, reads } = setup();
    await entities.get('resource:default/orders');
    const [, { credentials }] = reads.mock.calls[0] as any;
    expect(credentials.principal.type).toBe('service');
  });

  it('makes one catalog read for many viewers of the same new card at once', async () => {
    const { entities, reads } = setup();
    const seen = await Promise.all(
      Array.from({ length: 50 }, () => entities.get('resource:default/carts')),
    );
    expect(seen.every(e => e?.metadata.name === 'carts')).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('does not keep a miss, so an entity shows as soon as the catalog has it', async () => {
    const { entities, reads } = setup();
    expect(await entities.get('resource:default/missing')).toBeUndefined();
    expect(await entities.get('resource:default/missing')).toBeUndefined();
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('keeps at most maxEntries, dropping the oldest read', async () => {
    const { entities, reads } = setup({ maxEntries: 2 });
    await entities.get('resource:default/orders');
    await entities.get('resource:default/carts');
    await entities.get('resource:default/users');
    expect(reads).toHaveBeenCalledTimes(3);
    await entities.get('resource:default/users');
    await entities.get('resource:default/carts');
    expect(reads).toHaveBeenCalledTimes(3);
    await entities.get('resource:default/orders');
    expect(reads).toHaveBeenCalledTimes(4);
  });
});
