import { GroupVersionKind } from '@kratix-dynamodb/common';
import { KubernetesClient } from '../KubernetesClient';
import { assertNamespace, assertObjectName } from '../objectNames';
import { ObjectInformer } from './ObjectInformer';

/**
 * What a reader looks for in bounded mode: one object by name (a `metadata.name` field
 * selector, in its namespace), or the objects a label selector picks (a Table by its request's
 * labels). The names come from entity annotations, so they are checked before they become part
 * of a selector.
 * @public
 */
export type ObjectScope = {
  namespace?: string;
  name?: string;
  labelSelector?: string;
};

/** The informer options of a scope. */
export function scopeSelection(gvk: GroupVersionKind, scope: ObjectScope) {
  if (scope.namespace !== undefined)
    assertNamespace('namespace', scope.namespace);
  if (scope.name !== undefined) assertObjectName('name', gvk.kind, scope.name);
  return {
    namespace: scope.namespace,
    fieldSelector:
      scope.name !== undefined ? `metadata.name=${scope.name}` : undefined,
    labelSelector: scope.labelSelector,
  };
}

export const scopeKey = (gvk: GroupVersionKind, scope: ObjectScope) =>
  `${gvk.group}/${gvk.kind}|${scope.namespace ?? ''}|${scope.name ?? ''}|${
    scope.labelSelector ?? ''
  }`;

/**
 * The bounded mode's watches of one cluster: one small informer per object that an open card
 * (or a recent wizard run's card) reads, at most `max` of them. Reading one makes it the most
 * recent; opening one more than `max` stops the least recently read, which closes its watch on
 * the API server. Map order is insertion order, so re-inserting on each read keeps the LRU.
 */
export class BoundedInformers {
  readonly #entries = new Map<string, ObjectInformer>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, create: () => ObjectInformer): ObjectInformer {
    let informer = this.#entries.get(key);
    if (informer) this.#entries.delete(key);
    else informer = create();
    this.#entries.set(key, informer);
    while (this.#entries.size > this.max) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [
        string,
        ObjectInformer,
      ];
      this.#entries.delete(oldestKey);
      oldest.stop();
    }
    return informer;
  }

  stopAll() {
    for (const informer of this.#entries.values()) informer.stop();
    this.#entries.clear();
  }
}

/**
 * Whether a kind holds more than `limit` objects (of the selection the full cache would hold).
 * One object's page usually answers through `remainingItemCount`; a server that does not count
 * ahead (it never does through a selector) is asked for one page of `limit`, which has a
 * continue token only when more remain.
 */
export async function holdsMoreThan(
  client: KubernetesClient,
  gvk: GroupVersionKind,
  labelSelector: string | undefined,
  limit: number,
): Promise<boolean> {
  const first = await client.list(gvk, { labelSelector, limit: 1 });
  if (!first.metadata.continue) return first.items.length > limit;
  if (first.metadata.remainingItemCount !== undefined)
    return 1 + first.metadata.remainingItemCount > limit;
  const page = await client.list(gvk, { labelSelector, limit });
  return Boolean(page.metadata.continue);
}
