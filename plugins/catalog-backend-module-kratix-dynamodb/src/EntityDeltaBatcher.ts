import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

/**
 * Collects entity changes for a short moment and hands them to the catalog as one delta
 * mutation, one mutation at a time and in order. A change that leaves an entity as it was
 * (a status write on its object) reaches the catalog not at all.
 */
export class EntityDeltaBatcher {
  readonly #pending = new Map<
    string,
    { added?: DeferredEntity; removed?: DeferredEntity }
  >();
  #timer?: ReturnType<typeof setTimeout>;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: () => EntityProviderConnection,
    private readonly logger: LoggerService,
    /** The provider's name, for its log lines. */
    private readonly providerName: string,
    private readonly batchMs = 100,
  ) {}

  /**
   * One object changed: its entity was `before` and is `now` (either may be absent). Answers
   * what was queued, by entity ref: the entity to add, or undefined for one to remove.
   */
  change(
    before: Entity | undefined,
    now: Entity | undefined,
    locationKey: string,
  ): Map<string, DeferredEntity | undefined> {
    const queued = new Map<string, DeferredEntity | undefined>();
    if (JSON.stringify(now) === JSON.stringify(before)) return queued;
    if (
      before &&
      (!now || stringifyEntityRef(before) !== stringifyEntityRef(now))
    ) {
      this.#pending.set(stringifyEntityRef(before), {
        removed: { entity: before, locationKey },
      });
      queued.set(stringifyEntityRef(before), undefined);
    }
    if (now) {
      const added = { entity: now, locationKey };
      this.#pending.set(stringifyEntityRef(now), { added });
      queued.set(stringifyEntityRef(now), added);
    }
    this.#scheduleFlush();
    return queued;
  }

  #scheduleFlush() {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // One mutation at a time, in order: a later change must not overtake an earlier one.
      this.#queue = this.#queue.then(() => this.#flush());
    }, this.batchMs);
    this.#timer.unref?.();
  }

  stop() {
    clearTimeout(this.#timer);
  }

  async #flush() {
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    const added = batch.flatMap(b => (b.added ? [b.added] : []));
    const removed = batch.flatMap(b => (b.removed ? [b.removed] : []));
    if (!added.length && !removed.length) return;
    try {
      await this.connection().applyMutation({ type: 'delta', added, removed });
    } catch (e) {
      this.logger.warn(
        `${this.providerName}: could not update the catalog: ${
          (e as Error).message
        }`,
      );
    }
  }
}
