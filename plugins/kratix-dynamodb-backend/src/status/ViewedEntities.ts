import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * How long an entity read from the catalog is reused. An edit to an entity (its annotations,
 * its owner) takes longer than this to pass the catalog's own processing, so a card is not
 * noticeably later than the catalog; whether the caller may see the entity is never kept.
 */
const DEFAULT_TTL_MS = 30_000;
/** Enough for every card open at once on a large Backstage; a few MB at most. */
const DEFAULT_MAX_ENTRIES = 2_000;

type Kept = { entity: Entity; readAt: number };

/**
 * The entities behind the cards being viewed, read from the catalog with the plugin's own
 * credentials and kept for half a minute, so that a card polled by many people, or re-read
 * on every signal, costs no round trip to the catalog each time.
 *
 * It answers only what an entity says (its annotations), never whether the caller may see
 * it: the route asks the permission framework for the catalog's own read permission on the
 * same ref, in the same request as its own permissions. An entity that is not found is not
 * kept, so a new entity shows as soon as the catalog has it.
 */
export class ViewedEntities {
  readonly #kept = new Map<string, Kept>();
  /** Reads in flight, so that 50 viewers of one new card make one catalog read. */
  readonly #reading = new Map<string, Promise<Entity | undefined>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly options: {
      ttlMs?: number;
      maxEntries?: number;
      now?: () => number;
    } = {},
  ) {}

  async get(ref: string): Promise<Entity | undefined> {
    const now = this.#now();
    const kept = this.#kept.get(ref);
    if (kept && now - kept.readAt < (this.options.ttlMs ?? DEFAULT_TTL_MS)) {
      return kept.entity;
    }
    const inFlight = this.#reading.get(ref);
    if (inFlight) return inFlight;
    const read = this.#read(ref).finally(() => this.#reading.delete(ref));
    this.#reading.set(ref, read);
    return read;
  }

  async #read(ref: string): Promise<Entity | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    // Re-inserted, so the map's order is the order of reads and the first key the oldest.
    this.#kept.delete(ref);
    if (!entity) return undefined;
    this.#kept.set(ref, { entity, readAt: this.#now() });
    const max = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.#kept.size > max) {
      this.#kept.delete(this.#kept.keys().next().value as string);
    }
    return entity;
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }
}
