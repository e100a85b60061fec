import { ConflictError } from '@backstage/errors';
import { ANNOTATIONS } from '@kratix-dynamodb/common';
import type { KubernetesClient, KubernetesObject } from '@kratix-dynamodb/node';
import type { DeliveryContext, DeliveryItem } from './deliveryContext';
import { MANAGED_BY_SCAFFOLDER } from './linkMetadata';

/** How the object came to exist: made now, made by an earlier run, or saved in a checkpoint. */
export type Created = {
  uid: string;
  how: 'created' | 'found from an earlier run' | 'restored from checkpoint';
};

/** An existing object is ours only if this very task stamped it; anything else is left alone. */
function claimOwnObject(
  existing: KubernetesObject,
  item: DeliveryItem,
  taskId: string,
): Created {
  const marker = existing.metadata.annotations?.[ANNOTATIONS.scaffolderTaskId];
  if (marker === taskId)
    return {
      uid: existing.metadata.uid ?? '',
      how: 'found from an earlier run',
    };
  const creator = marker
    ? `scaffolder task ${marker}`
    : 'something other than this task';
  throw new ConflictError(
    `${item.description} already exists on cluster '${item.target.cluster}', created by ${creator}. ` +
      'It was left unchanged: choose another name, or remove the existing object first.',
  );
}

/**
 * After a failed create, looks again, because a timed-out request may still have gone
 * through; then says exactly what exists, as the no-partial-creation rule asks.
 */
async function settleFailedCreate(
  ctx: DeliveryContext,
  client: KubernetesClient,
  item: DeliveryItem,
  failure: unknown,
): Promise<Created> {
  const { target } = item;
  let existing: KubernetesObject | undefined;
  try {
    existing = await client.get(item.gvk, target.namespace, target.name);
  } catch {
    ctx.logger.error(
      `could not confirm whether ${item.description} exists on cluster '${target.cluster}' after the failed create; check the cluster before retrying`,
    );
    throw failure;
  }
  if (existing) return claimOwnObject(existing, item, ctx.task.id);
  ctx.logger.error(
    `nothing was created: ${item.description} does not exist on cluster '${target.cluster}' (it is one object, so there is nothing partial to clean up)`,
  );
  throw failure;
}

/**
 * Creates the object exactly once per task. The checkpoint lets a recovered task skip the
 * call; the task marker lets a retried step recognise an object it made before.
 */
export async function createOnce(
  ctx: DeliveryContext,
  client: KubernetesClient,
  item: DeliveryItem,
): Promise<Created> {
  const { target, gvk } = item;
  const key = `kratix-dynamodb.create.${gvk.group}.${gvk.kind}.${target.cluster}.${target.namespace}.${target.name}`;
  let ranNow = false;
  const result = await ctx.checkpoint<Created>({
    key,
    fn: async () => {
      ranNow = true;
      await item.precondition?.(client);
      const existing = await client.get(gvk, target.namespace, target.name);
      if (existing) return claimOwnObject(existing, item, ctx.task.id);
      try {
        const created = await client.create(gvk, item.manifest, {
          fieldManager: MANAGED_BY_SCAFFOLDER,
        });
        return { uid: created.metadata.uid ?? '', how: 'created' };
      } catch (failure) {
        return settleFailedCreate(ctx, client, item, failure);
      }
    },
  });
  return ranNow ? result : { ...result, how: 'restored from checkpoint' };
}
