/**
 * A work queue in the style of controller-runtime: keys are deduplicated, one key is never
 * reconciled twice at once, and a reconcile can ask to be run again after a delay (polling a
 * table that is still CREATING, retrying after an AWS error).
 */
export class ReconcileLoop {
  #pending = new Set<string>();
  #running = new Set<string>();
  #timers = new Map<string, { timer: NodeJS.Timeout; due: number }>();
  #stopped = false;
  #idle: Array<() => void> = [];
  reconciles = 0;
  errors = 0;

  constructor(
    private readonly name: string,
    private readonly reconcile: (key: string) => Promise<number | void>,
    private readonly log: (line: string) => void,
  ) {}

  enqueue(key: string, afterMs = 0): void {
    if (this.#stopped) return;
    if (afterMs > 0) {
      const due = Date.now() + afterMs;
      const existing = this.#timers.get(key);
      // An earlier retry wins: a table polled every 100 ms must not wait out a 5 s back-off.
      if (existing && existing.due <= due) return;
      if (existing) clearTimeout(existing.timer);
      const timer = setTimeout(() => {
        this.#timers.delete(key);
        this.enqueue(key);
      }, afterMs);
      timer.unref();
      this.#timers.set(key, { timer, due });
      return;
    }
    this.#pending.add(key);
    if (!this.#running.has(key)) setImmediate(() => this.#run(key));
  }

  stop(): Promise<void> {
    this.#stopped = true;
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#pending.clear();
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise(resolve => this.#idle.push(resolve));
  }

  async #run(key: string): Promise<void> {
    if (this.#stopped || this.#running.has(key) || !this.#pending.has(key))
      return;
    this.#pending.delete(key);
    this.#running.add(key);
    try {
      this.reconciles++;
      const requeueAfter = await this.reconcile(key);
      if (typeof requeueAfter === 'number' && requeueAfter > 0)
        this.enqueue(key, requeueAfter);
    } catch (error) {
      this.errors++;
      this.log(
        `[${this.name}] reconcile ${key} failed: ${
          (error as Error)?.stack ?? error
        }`,
      );
      this.enqueue(key, 1000);
    } finally {
      this.#running.delete(key);
      if (this.#pending.has(key)) setImmediate(() => this.#run(key));
      if (this.#stopped && this.#running.size === 0)
        this.#idle.splice(0).forEach(resolve => resolve());
    }
  }
}
