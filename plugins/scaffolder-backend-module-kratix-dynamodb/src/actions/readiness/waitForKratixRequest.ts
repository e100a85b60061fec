import { NotFoundError } from '@backstage/errors';
import type { GroupVersionKind } from '@kratix-dynamodb/common';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import {
  isConditionTrue,
  unhappyConditionMessages,
} from './kubernetesConditions';
import type { Readiness } from './waitForReadiness';

/**
 * Reads how far a request of any Promise got, from the conditions Kratix writes on it: the
 * resource workflow completed (ConfigureWorkflowCompleted) and the request reconciled
 * (Reconciled). What the workflow's output becomes on the destination is the Promise's
 * business; a kind that knows more registers its own readiness.
 */
export function readKratixRequestReadiness(
  client: KubernetesClient,
  gvk: GroupVersionKind,
  namespace: string,
  name: string,
) {
  const workflow = `${gvk.kind} workflow completed`;
  const reconciled = `${gvk.kind} reconciled by Kratix`;
  return async (): Promise<Readiness> => {
    const request = await client.get(gvk, namespace, name);
    if (!request) {
      throw new NotFoundError(
        `${gvk.kind} ${namespace}/${name} disappeared from cluster '${client.cluster}' while waiting for it`,
      );
    }
    const milestones = [
      {
        label: workflow,
        reached: isConditionTrue(request, 'ConfigureWorkflowCompleted'),
      },
      { label: reconciled, reached: isConditionTrue(request, 'Reconciled') },
    ];
    if (milestones.every(m => m.reached)) return { milestones };
    const detail = request.status
      ? [
          request.status.message
            ? `request status: ${request.status.message}`
            : 'request not reconciled yet',
          ...unhappyConditionMessages(request),
        ].join('; ')
      : 'the request has no status yet: is a Kratix controller running on the cluster?';
    return { milestones, detail };
  };
}
