import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';
import { CreateTarget, decideCreate, Tenancy } from '@kratix-dynamodb/node';
import type { KratixDynamoDBActionDependencies } from './actionDependencies';

/**
 * Asks the permission framework on behalf of the user who started the task, not the
 * scaffolder's own identity, whether they may create in this namespace on this cluster.
 * A conditional answer is applied to the target, with the tenancy binding's owners of the
 * namespace, so a policy can say "team-a only in team-a's namespaces, only on cluster X".
 */
export async function checkCreatePermission(
  deps: Pick<KratixDynamoDBActionDependencies, 'permissions' | 'createRuleset'>,
  tenancy: Tenancy,
  credentials: BackstageCredentials,
  target: CreateTarget,
): Promise<void> {
  await tenancy.ready?.(target.cluster);
  const decision = await decideCreate({
    permissions: deps.permissions,
    credentials,
    tenancy,
    ruleset: deps.createRuleset,
  });
  if (!decision.allows(target)) {
    throw new NotAllowedError(
      `You are not allowed to create in namespace ${target.namespace} on cluster ${target.cluster} (permission ${kratixDynamoDBRequestCreatePermission.name})`,
    );
  }
}
