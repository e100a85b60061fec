import { isoSeconds } from '../store/objectMetadata';
import type { KubeObject } from '../store/ObjectStore';

/** A Deployment's status as the deployment controller reports it, from the count of ready local processes. */
export function deploymentStatus(
  deployment: KubeObject,
  running: number,
  ready: number,
  unpulledImage?: string,
): Record<string, unknown> {
  const replicas = deployment.spec?.replicas ?? 1;
  const available = ready >= replicas;
  const previous: any[] = deployment.status?.conditions ?? [];
  const now = isoSeconds(new Date());
  const since = (type: string, status: string) => {
    const before = previous.find(c => c.type === type);
    return before?.status === status ? before.lastTransitionTime : now;
  };
  const availableStatus = available ? 'True' : 'False';
  let availableMessage = 'Deployment has minimum availability.';
  if (!available) {
    availableMessage = unpulledImage
      ? `image ${unpulledImage} is not mapped to a local command in the sandbox (ImagePullBackOff)`
      : 'Deployment does not have minimum availability.';
  }
  return {
    observedGeneration: deployment.metadata.generation,
    replicas: unpulledImage ? replicas : running,
    updatedReplicas: unpulledImage ? replicas : running,
    readyReplicas: ready,
    availableReplicas: ready,
    ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
    conditions: [
      {
        type: 'Available',
        status: availableStatus,
        reason: available
          ? 'MinimumReplicasAvailable'
          : 'MinimumReplicasUnavailable',
        message: availableMessage,
        lastUpdateTime: since('Available', availableStatus),
        lastTransitionTime: since('Available', availableStatus),
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: available ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        message: `ReplicaSet "${deployment.metadata.name}" ${
          available ? 'has successfully progressed.' : 'is progressing.'
        }`,
        lastUpdateTime: since('Progressing', 'True'),
        lastTransitionTime: since('Progressing', 'True'),
      },
    ],
  };
}
