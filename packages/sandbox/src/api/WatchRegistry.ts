/** One open watch stream, as the registry sees it. */
export type WatchConnection = {
  /** Ends the stream (server stop, apiDown). */
  close(): void;
  /** The watchStall fault was cleared: the stream may write again. */
  resumed(): void;
};

/**
 * The open watch streams: stopping the server ends them instead of waiting on them, and the
 * `watchStall` fault silences them all at once. Holds no timers of its own.
 */
export class WatchRegistry {
  #open = new Set<WatchConnection>();
  #stalled = false;

  /**
   * @param bookmarkIntervalMs how long a watch that fell behind the store's resourceVersion
   *   (events of other kinds or filtered out) waits before it sends a BOOKMARK; the apiserver
   *   sends them about once a minute.
   */
  constructor(readonly bookmarkIntervalMs = 60_000) {}

  add(connection: WatchConnection): () => void {
    this.#open.add(connection);
    return () => this.#open.delete(connection);
  }

  closeAll(): void {
    for (const connection of [...this.#open]) connection.close();
  }

  get size(): number {
    return this.#open.size;
  }

  /** While stalled, watch streams stay open and write nothing (fault `watchStall`). */
  get stalled(): boolean {
    return this.#stalled;
  }

  setStalled(stalled: boolean): void {
    if (this.#stalled === stalled) return;
    this.#stalled = stalled;
    if (!stalled)
      for (const connection of [...this.#open]) connection.resumed();
  }
}
