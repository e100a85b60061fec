import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Fingerprints of the entities sent to the catalog lately, at most `max` (least recently sent
 * forgotten first). A watch that keeps no objects cannot tell a status write from a real
 * change; this lets the provider skip re-sending an entity that did not change, for the objects
 * that change most often, in bounded memory (about 100 bytes an entity).
 */
export class RecentEntities {
  readonly #fingerprints = new Map<string, string>();

  constructor(readonly max: number) {}

  /** True when `entity` is the same as the last one sent under its ref; else remembers it. */
  unchanged(entity: Entity): boolean {
    const ref = stringifyEntityRef(entity);
    const fingerprint = createHash('sha1')
      .update(JSON.stringify(entity))
      .digest('base64');
    const last = this.#fingerprints.get(ref);
    this.#fingerprints.delete(ref);
    this.#fingerprints.set(ref, fingerprint);
    if (this.#fingerprints.size > this.max)
      this.#fingerprints.delete(this.#fingerprints.keys().next().value!);
    return last === fingerprint;
  }

  forget(entity: Entity) {
    this.#fingerprints.delete(stringifyEntityRef(entity));
  }
}
