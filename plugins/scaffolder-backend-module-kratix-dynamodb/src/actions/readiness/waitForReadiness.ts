import { CustomErrorBase, ServiceUnavailableError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';

/** One step on the way to ready, e.g. "ACK Table ACTIVE", and whether it has been seen. */
export type Milestone = { label: string; reached: boolean };

/** What one look at the cluster found: the milestones, and the latest detail in words. */
export type Readiness = { milestones: Milestone[]; detail?: string };

/** The wait ran out: the message says what was reached and what was not. */
export class ReadinessTimeoutError extends CustomErrorBase {
  name = 'ReadinessTimeoutError' as const;
}

export type WaitOptions = {
  /** e.g. `DynamoDBRequest team-a/orders on cluster 'sandbox'` */
  subject: string;
  read: () => Promise<Readiness>;
  timeoutSeconds: number;
  pollIntervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
};

const labels = (milestones: Milestone[], reached: boolean) =>
  milestones.filter(m => m.reached === reached).map(m => m.label);

function timeoutMessage(
  options: WaitOptions,
  last: Readiness | undefined,
  lastError?: Error,
) {
  const reached = last ? labels(last.milestones, true) : [];
  const missing = last
    ? labels(last.milestones, false)
    : ['any status could be read'];
  const detail = lastError ? `last error: ${lastError.message}` : last?.detail;
  return (
    `Timed out after ${options.timeoutSeconds}s waiting for ${options.subject} to become ready. ` +
    `Reached: ${
      reached.join(', ') || 'nothing yet'
    }. Not reached: ${missing.join(', ')}` +
    `${detail ? ` (${detail})` : ''}. ` +
    'The objects exist and nothing was deleted; follow them on the entity page, or wait longer with a larger timeoutSeconds.'
  );
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Polls until every milestone is reached, logging each one as it is, and fails with what was
 * and was not reached when the time runs out. An unreachable cluster is retried, since a
 * wait can outlive a short API server outage.
 */
export async function waitForReadiness(options: WaitOptions): Promise<void> {
  const { logger, signal } = options;
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  const announced = new Set<string>();
  let last: Readiness | undefined;
  let lastError: Error | undefined;
  logger.info(
    `waiting: for ${options.subject} to become ready (up to ${options.timeoutSeconds}s)`,
  );
  for (;;) {
    if (signal?.aborted)
      throw new Error(
        `Stopped waiting for ${options.subject}: the task was cancelled; the objects exist and nothing was deleted`,
      );
    try {
      last = await options.read();
      lastError = undefined;
    } catch (e) {
      if (!(e instanceof ServiceUnavailableError)) throw e;
      lastError = e;
    }
    for (const label of last ? labels(last.milestones, true) : []) {
      if (!announced.has(label)) logger.info(`waiting: reached ${label}`);
      announced.add(label);
    }
    if (!lastError && last && labels(last.milestones, false).length === 0) {
      logger.info(`ready: ${options.subject}`);
      return;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new ReadinessTimeoutError(timeoutMessage(options, last, lastError));
    await sleep(Math.min(options.pollIntervalMs, remaining), signal);
  }
}
