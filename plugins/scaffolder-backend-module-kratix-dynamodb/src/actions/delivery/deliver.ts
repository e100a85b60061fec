import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { toManifestYaml } from '@kratix-dynamodb/common';
import type { ClusterClientFactory } from '@kratix-dynamodb/node';
import { clientForTask } from './clientForTask';
import { Created, createOnce } from './createOnce';
import type { DeliveryContext, DeliveryItem } from './deliveryContext';
import { MANAGED_BY_SCAFFOLDER } from './linkMetadata';

/** What delivering produced: the object's uid when it is on the cluster, or the file written. */
export type Delivered = {
  uid?: string;
  manifestPath?: string;
  applied: boolean;
};

async function writeToWorkspace(
  ctx: DeliveryContext,
  item: DeliveryItem,
): Promise<Delivered> {
  const manifestPath = item.target.targetPath!;
  const file = resolveSafeChildPath(ctx.workspacePath, manifestPath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, toManifestYaml(item.manifest), 'utf8');
  ctx.logger.info(
    `written to workspace: ${item.description} as ${manifestPath}; nothing was applied to cluster '${item.target.cluster}' (publish the file with a GitOps step)`,
  );
  return { manifestPath, applied: false };
}

/**
 * Asks the cluster to check the object without storing it (dryRun=All), so admission and
 * schema problems show up in a dry run too. A cluster that cannot be reached must not fail
 * a dry run, which is often made from the template editor with no cluster around.
 */
async function dryRunOnCluster(
  ctx: DeliveryContext,
  clients: ClusterClientFactory,
  item: DeliveryItem,
): Promise<Delivered> {
  const { cluster } = item.target;
  try {
    const client = await clientForTask(clients, cluster, ctx);
    await item.precondition?.(client);
    await client.create(item.gvk, item.manifest, {
      dryRun: true,
      fieldManager: MANAGED_BY_SCAFFOLDER,
    });
    ctx.logger.info(
      `dry run: cluster '${cluster}' accepted ${item.description} (server-side dryRun=All); nothing was created`,
    );
  } catch (e) {
    if (!(e instanceof ServiceUnavailableError)) throw e;
    ctx.logger.warn(
      `dry run: ${e.message}; ${item.description} was validated locally only; nothing was created`,
    );
  }
  return { applied: false };
}

async function applyToCluster(
  ctx: DeliveryContext,
  clients: ClusterClientFactory,
  item: DeliveryItem,
): Promise<Delivered> {
  const client = await clientForTask(clients, item.target.cluster, ctx);
  const { uid, how } = await createOnce(ctx, client, item);
  const where = `on cluster '${item.target.cluster}'`;
  const messages: Record<Created['how'], string> = {
    created: `applied: created ${item.description} ${where} (uid ${uid})`,
    'found from an earlier run': `applied: ${item.description} already exists ${where} from an earlier run of this task (uid ${uid}); reusing it`,
    'restored from checkpoint': `applied: ${item.description} was created ${where} before this task was recovered (uid ${uid}); reusing it`,
  };
  ctx.logger.info(messages[how]);
  return { uid, applied: true };
}

/** Delivers one object the way the input asks: into the workspace, as a dry run, or applied. */
export function deliver(
  ctx: DeliveryContext,
  clients: ClusterClientFactory,
  item: DeliveryItem,
): Promise<Delivered> {
  if (item.target.delivery === 'workspace') return writeToWorkspace(ctx, item);
  if (ctx.isDryRun) return dryRunOnCluster(ctx, clients, item);
  return applyToCluster(ctx, clients, item);
}
