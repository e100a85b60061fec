import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ObjectStore, type KubeObject } from './ObjectStore';

const TABLES = 'tables.dynamodb.services.k8s.aws';
const REQUEST_NAME = 'dynamodb.kratix.io/request-name';

function table(name: string, requestName: string, namespace = 'team-a') {
  return {
    apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
    kind: 'Table',
    metadata: { name, namespace, labels: { [REQUEST_NAME]: requestName } },
  } as KubeObject;
}

const names = (objects: KubeObject[]) => objects.map(o => o.metadata.name);
const pin = (value: string) => ({ key: REQUEST_NAME, value });

describe('ObjectStore label lookups', () => {
  it('looks a label up instead of passing every object of the kind through the filter', () => {
    const store = new ObjectStore();
    for (let i = 0; i < 1000; i++) store.put(TABLES, table(`t-${i}`, `r-${i}`));
    const filter = jest.fn(() => true);

    expect(names(store.list(TABLES, 'team-a', filter, pin('r-7')))).toEqual([
      't-7',
    ]);
    // One candidate was looked at, not 1,000: this is what keeps a card's watch cheap.
    expect(filter).toHaveBeenCalledTimes(1);
  });

  it('follows relabels and deletions, and applies namespace and filter to what it finds', () => {
    const store = new ObjectStore();
    store.put(TABLES, table('a', 'orders'));
    store.put(TABLES, table('b', 'orders', 'team-b'));
    store.put(TABLES, table('c', 'carts'));

    store.put(TABLES, table('c', 'orders'));
    expect(
      names(store.list(TABLES, undefined, undefined, pin('carts'))),
    ).toEqual([]);
    expect(
      names(store.list(TABLES, undefined, undefined, pin('orders'))),
    ).toEqual(['a', 'c', 'b']);
    expect(
      names(store.list(TABLES, 'team-a', undefined, pin('orders'))),
    ).toEqual(['a', 'c']);
    expect(
      names(
        store.list(
          TABLES,
          'team-a',
          o => o.metadata.name !== 'a',
          pin('orders'),
        ),
      ),
    ).toEqual(['c']);

    store.remove(TABLES, table('a', 'orders'));
    const unlabelled = table('c', 'x');
    delete unlabelled.metadata.labels;
    store.put(TABLES, unlabelled);
    expect(
      names(store.list(TABLES, undefined, undefined, pin('orders'))),
    ).toEqual(['b']);

    store.removeAll(TABLES);
    expect(
      names(store.list(TABLES, undefined, undefined, pin('orders'))),
    ).toEqual([]);
  });

  it('finds by label what a restart loaded from disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-store-'));
    try {
      const before = new ObjectStore(dir);
      before.put(TABLES, table('orders-table', 'orders'));
      before.flush();

      const after = new ObjectStore(dir);
      expect(
        names(after.list(TABLES, 'team-a', undefined, pin('orders'))),
      ).toEqual(['orders-table']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
