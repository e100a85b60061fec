/**
 * A work queue in the style of controller-runtime: keys are deduplicated, one key is never
 * reconciled twice at once, and a reconcile can ask to be run again after a delay (polling a
 * table that is still CREATING, retrying after an AWS error).
 *
 * At most `maxConcurrent` keys are reconciled at once (controller-runtime's
 * MaxConcurrentReconciles). Without a limit, 40,000 requests created in a burst started 40,000
 * reconciles at once; their calls to the in-process DynamoDB filled its accept queue, timed
 * out, were retried a second later, and the sandbox spent its time on the storm.
 */
const DEFAULT_MAX_CONCURRENT_RECONCILES = 16;

export class ReconcileLoop {
  /** Keys waiting for a reconcile, in the order they were asked for. */
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
    private readonly maxConcurrent = DEFAULT_MAX_CONCURRENT_RECONCILES,
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
    this.#scheduleDispatch();
  }

  stop(): Promise<void> {
    this.#stopped = true;
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#pending.clear();
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise(resolve => this.#idle.push(resolve));
  }

  #dispatchScheduled = false;

  /** One dispatch per turn of the event loop, however many keys were enqueued in it. */
  #scheduleDispatch(): void {
    if (this.#dispatchScheduled) return;
    this.#dispatchScheduled = true;
    setImmediate(() => {
      this.#dispatchScheduled = false;
      this.#dispatch();
    });
  }

  /** Starts waiting keys, oldest first, while slots are free; a running key waits its turn. */
  #dispatch(): void {
    for (const key of this.#pending) {
      if (this.#stopped || this.#running.size >= this.maxConcurrent) return;
      if (this.#running.has(key)) continue;
      this.#pending.delete(key);
      void this.#run(key);
    }
  }

  async #run(key: string): Promise<void> {
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
      this.#scheduleDispatch();
      if (this.#stopped && this.#running.size === 0)
        this.#idle.splice(0).forEach(resolve => resolve());
    }
  }
}
