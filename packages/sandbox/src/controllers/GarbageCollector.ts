import type { ClusterOperations } from '../store/ClusterOperations';
import type { StoreEvent } from '../store/ObjectStore';
import { storageKey, type ResourceType } from '../store/ResourceType';

/**
 * Two jobs of kube-controller-manager that the other controllers rely on: deleting dependents
 * whose owner (ownerReferences) is gone, and emptying a terminating namespace before removing it.
 */
export class GarbageCollector {
  #unsubscribe?: () => void;

  constructor(private readonly ops: ClusterOperations) {}

  start(): void {
    // Deferred: acting inside the store's notification would nest writes inside writes.
    this.#unsubscribe = this.ops.store.subscribe(event =>
      setImmediate(() => this.#onEvent(event)),
    );
  }

  stop(): void {
    this.#unsubscribe?.();
  }

  #onEvent(event: StoreEvent): void {
    const { object } = event;
    if (event.type === 'DELETED' && object.metadata.uid)
      this.#deleteDependents(object.metadata.uid);
    if (
      object.kind === 'Namespace' &&
      object.metadata.deletionTimestamp &&
      event.type !== 'DELETED'
    ) {
      this.#emptyNamespace(object.metadata.name);
    }
    const ns = object.metadata.namespace;
    if (event.type === 'DELETED' && ns) this.#finishNamespaceIfEmpty(ns);
  }

  #kinds(): ResourceType[] {
    const seen = new Set<string>();
    return this.ops.registry.all().filter(t => {
      const key = storageKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  #deleteDependents(ownerUid: string): void {
    for (const type of this.#kinds()) {
      for (const o of this.ops.list(type)) {
        if (o.metadata.ownerReferences?.some(r => r.uid === ownerUid))
          this.#tryDelete(type, o.metadata.namespace, o.metadata.name);
      }
    }
  }

  #emptyNamespace(namespace: string): void {
    let remaining = 0;
    for (const type of this.#kinds().filter(t => t.namespaced)) {
      for (const o of this.ops.list(type, namespace)) {
        remaining++;
        if (!o.metadata.deletionTimestamp)
          this.#tryDelete(type, namespace, o.metadata.name);
      }
    }
    if (remaining === 0) this.ops.finishNamespaceDeletion(namespace);
  }

  #finishNamespaceIfEmpty(namespace: string): void {
    const ns = this.ops.store.get('namespaces', undefined, namespace);
    if (!ns?.metadata.deletionTimestamp) return;
    const left = this.#kinds().some(
      t => t.namespaced && this.ops.list(t, namespace).length > 0,
    );
    if (!left) this.ops.finishNamespaceDeletion(namespace);
  }

  #tryDelete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): void {
    try {
      this.ops.delete(type, namespace, name);
    } catch {
      // Already gone: another deletion got there first.
    }
  }
}
