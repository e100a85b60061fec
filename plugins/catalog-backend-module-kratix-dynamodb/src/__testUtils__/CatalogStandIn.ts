import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';

/**
 * The catalog side of an entity provider: applies full and delta mutations as the catalog
 * does, so a test can ask which entities exist now.
 */
export class CatalogStandIn implements EntityProviderConnection {
  readonly entities = new Map<string, DeferredEntity>();
  readonly mutations: EntityProviderMutation[] = [];

  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
    const ref = (d: DeferredEntity) => stringifyEntityRef(d.entity);
    if (mutation.type === 'full') {
      this.entities.clear();
      mutation.entities.forEach(d => this.entities.set(ref(d), d));
      return;
    }
    mutation.removed.forEach(
      d => 'entity' in d && this.entities.delete(ref(d)),
    );
    mutation.added.forEach(d => this.entities.set(ref(d), d));
  }

  async refresh() {}

  /** Waits until `read` finds something, and says how long that took. */
  async until<T>(
    ms: number,
    read: () => T | undefined | false,
  ): Promise<{ value: T; elapsedMs: number }> {
    const started = Date.now();
    for (;;) {
      const value = read();
      if (value) return { value, elapsedMs: Date.now() - started };
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise(r => setTimeout(r, 20));
    }
  }
}
