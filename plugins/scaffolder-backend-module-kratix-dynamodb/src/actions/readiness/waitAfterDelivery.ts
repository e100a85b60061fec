import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import {
  DEFAULT_POLL_INTERVAL_MS,
  KratixDynamoDBActionDependencies,
} from '../actionDependencies';
import { clientForTask } from '../delivery/clientForTask';
import type { Delivered } from '../delivery/deliver';
import type { Target } from '../inputs/validateTarget';
import { Readiness, waitForReadiness } from './waitForReadiness';

/**
 * The common end of both actions: when asked to, wait until what was applied is ready. There
 * is nothing to wait for after a dry run or a workspace delivery, and the log says so.
 */
export async function waitAfterDelivery(
  ctx: Pick<
    ActionContext<any, any>,
    'logger' | 'isDryRun' | 'signal' | 'secrets'
  >,
  deps: KratixDynamoDBActionDependencies,
  options: {
    target: Target;
    delivered: Delivered;
    /** e.g. `DynamoDBRequest team-a/orders` */
    description: string;
    /** e.g. `the request`, for "was written to the workspace" */
    objectWord: string;
    readiness: (client: KubernetesClient) => () => Promise<Readiness>;
  },
): Promise<void> {
  const { target, delivered, description } = options;
  if (!target.waitForReady) return;
  if (!delivered.applied) {
    const why = ctx.isDryRun
      ? 'this is a dry run'
      : `${options.objectWord} was written to the workspace, not applied`;
    ctx.logger.info(`waiting: skipped, because ${why}`);
    return;
  }
  await waitForReadiness({
    subject: `${description} on cluster '${target.cluster}'`,
    read: options.readiness(
      await clientForTask(deps.clients, target.cluster, ctx),
    ),
    timeoutSeconds: target.timeoutSeconds,
    pollIntervalMs: deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    logger: ctx.logger,
    signal: ctx.signal,
  });
}
