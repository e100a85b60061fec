import type { KubeObject } from '../store/ObjectStore';
import { ApiError } from '../errors/ApiError';
import { listPage } from './listPages';

const objects: KubeObject[] = ['a', 'b', 'c', 'd', 'e'].map(name => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
}));
const store = { resourceVersion: 40, oldestResumableVersion: 10 };
const names = (page: { items: KubeObject[] }) =>
  page.items.map(o => o.metadata.name);

describe('listPage', () => {
  it('pages through every object once, each page saying how many remain and at the first revision', () => {
    const first = listPage(
      objects,
      new URLSearchParams('limit=2'),
      store,
      false,
    );
    expect(names(first)).toEqual(['a', 'b']);
    expect(first.metadata).toMatchObject({
      resourceVersion: '40',
      remainingItemCount: 3,
    });
    const later = { resourceVersion: 55, oldestResumableVersion: 10 };
    const second = listPage(
      objects,
      new URLSearchParams({ limit: '2', continue: first.metadata.continue! }),
      later,
      false,
    );
    expect(names(second)).toEqual(['c', 'd']);
    expect(second.metadata).toMatchObject({
      resourceVersion: '40',
      remainingItemCount: 1,
    });
    const last = listPage(
      objects,
      new URLSearchParams({ limit: '2', continue: second.metadata.continue! }),
      later,
      false,
    );
    expect(names(last)).toEqual(['e']);
    expect(last.metadata).toEqual({ resourceVersion: '40' });
  });

  it('goes on after the last key even when that object was deleted between pages', () => {
    const first = listPage(
      objects,
      new URLSearchParams('limit=2'),
      store,
      false,
    );
    const withoutB = objects.filter(o => o.metadata.name !== 'b');
    const next = listPage(
      withoutB,
      new URLSearchParams({ limit: '2', continue: first.metadata.continue! }),
      store,
      false,
    );
    expect(names(next)).toEqual(['c', 'd']);
  });

  it('gives no remainingItemCount through a selector, as the apiserver', () => {
    const page = listPage(objects, new URLSearchParams('limit=2'), store, true);
    expect(page.metadata.continue).toBeDefined();
    expect(page.metadata.remainingItemCount).toBeUndefined();
  });

  it('without a limit answers everything', () => {
    const all = listPage(objects, new URLSearchParams(), store, false);
    expect(names(all)).toHaveLength(5);
    expect(all.metadata).toEqual({ resourceVersion: '40' });
  });

  it('refuses a token older than the event history with 410 Expired and a token that goes on from now', () => {
    const first = listPage(
      objects,
      new URLSearchParams('limit=2'),
      store,
      false,
    );
    const compacted = { resourceVersion: 90, oldestResumableVersion: 60 };
    let error: unknown;
    try {
      listPage(
        objects,
        new URLSearchParams({ limit: '2', continue: first.metadata.continue! }),
        compacted,
        false,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const status = (error as ApiError).toStatus() as any;
    expect(status).toMatchObject({ code: 410, reason: 'Expired' });
    const goOn = listPage(
      objects,
      new URLSearchParams({ limit: '2', continue: status.metadata.continue }),
      compacted,
      false,
    );
    expect(names(goOn)).toEqual(['c', 'd']);
    expect(goOn.metadata.resourceVersion).toBe('90');
  });

  it('refuses a continue token that is not one, with 400', () => {
    expect(() =>
      listPage(objects, new URLSearchParams('continue=bm9wZQ'), store, false),
    ).toThrow(expect.objectContaining({ code: 400 }));
  });
});
