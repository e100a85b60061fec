import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  entityRefOfClusterObject,
  type GroupVersionKind,
} from '@kratix-dynamodb/common';
import type { KubernetesObject, Tenancy } from '@kratix-dynamodb/node';
import type { KratixDynamoDBActionDependencies } from './actionDependencies';
import { checkCreatePermission } from './checkCreatePermission';
import { deliver } from './delivery/deliver';
import type { Target } from './inputs/validateTarget';
import { readKratixRequestReadiness } from './readiness/waitForKratixRequest';
import { waitAfterDelivery } from './readiness/waitAfterDelivery';
import type { RequestKindHandler } from './requestKinds';

/**
 * The part of creating a Kratix request that is the same for every kind, once its input is
 * valid: the user's create permission, delivery (workspace, server-side dry run, or an
 * idempotent apply), the outputs, and the wait for readiness.
 */
export async function createKratixRequest(
  ctx: ActionContext<any, any>,
  deps: KratixDynamoDBActionDependencies,
  tenancy: Tenancy,
  options: {
    actionId: string;
    target: Target;
    gvk: GroupVersionKind;
    manifest: KubernetesObject;
    kindHandler?: RequestKindHandler;
    /** Where a spec field sits in the action's input, for the precondition's errors. */
    specPath: (field: string) => string;
    /** Outputs of the kind's own, given with the common ones once the request is delivered. */
    kindOutputs?: Record<string, string>;
  },
): Promise<void> {
  const { target, gvk, kindHandler } = options;
  const description = `${gvk.kind} ${target.namespace}/${target.name}`;
  await checkCreatePermission(
    deps,
    tenancy,
    await ctx.getInitiatorCredentials(),
    target,
  );
  const delivered = await deliver(ctx, deps.clients, {
    target,
    gvk,
    manifest: options.manifest,
    description,
    precondition: kindHandler?.precondition?.({
      actionId: options.actionId,
      target,
      spec: options.manifest.spec ?? {},
      specPath: options.specPath,
    }),
  });
  ctx.output(
    'requestRef',
    `${target.cluster}/${target.namespace}/${target.name}`,
  );
  ctx.output('cluster', target.cluster);
  ctx.output(
    'entityRef',
    entityRefOfClusterObject({ kind: 'resource', ...target }),
  );
  for (const [key, value] of Object.entries(options.kindOutputs ?? {}))
    ctx.output(key, value);
  if (delivered.uid) ctx.output('uid', delivered.uid);
  if (delivered.manifestPath)
    ctx.output('manifestPath', delivered.manifestPath);

  await waitAfterDelivery(ctx, deps, {
    target,
    delivered,
    description,
    objectWord: 'the request',
    readiness: client =>
      kindHandler?.readiness
        ? kindHandler.readiness(client, target.namespace, target.name)
        : readKratixRequestReadiness(
            client,
            gvk,
            target.namespace,
            target.name,
          ),
  });
}
