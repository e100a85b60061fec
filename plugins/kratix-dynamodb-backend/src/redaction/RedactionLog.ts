import type { LoggerService } from '@backstage/backend-plugin-api';
import type { StatusChain } from '@kratix-dynamodb/common';

/** How many distinct texts are remembered as logged before the memory starts over. */
const REMEMBERED = 5000;

/**
 * Logs the whole texts of a chain that a viewer saw redacted, so that operators keep what
 * the card leaves out. Each distinct text is logged once (until REMEMBERED are seen), not on
 * every read of the card.
 */
export class RedactionLog {
  readonly #logger: LoggerService;
  readonly #logged = new Set<string>();

  constructor(logger: LoggerService) {
    this.#logger = logger;
  }

  record(full: StatusChain) {
    for (const stage of full.stages) {
      if (stage.state === 'ok' || stage.state === 'skipped') continue;
      const text = [
        stage.summary,
        stage.hint,
        ...stage.conditions.map(c => c.message),
      ]
        .filter(Boolean)
        .join(' | ');
      const key = `${full.entityRef}|${stage.id}|${text}`;
      if (this.#logged.has(key)) continue;
      if (this.#logged.size >= REMEMBERED) this.#logged.clear();
      this.#logged.add(key);
      this.#logger.info(
        `Status of ${full.entityRef}, stage ${stage.id} (${stage.state}), shown redacted to a viewer without objects.read: ${text}`,
      );
    }
  }
}
