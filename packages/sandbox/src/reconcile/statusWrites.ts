import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import type { ResourceType } from '../store/ResourceType';

/** Replaces an object's status through the status subresource, if it changed; returns the stored object. */
export function writeStatus(
  ops: ClusterOperations,
  type: ResourceType,
  object: KubeObject,
  status: Record<string, unknown>,
): KubeObject {
  if (JSON.stringify(object.status ?? {}) === JSON.stringify(status))
    return object;
  const latest = ops.get(type, object.metadata.namespace, object.metadata.name);
  return ops.update(
    type,
    latest.metadata.namespace,
    latest.metadata.name,
    { ...latest, status },
    { subresource: 'status' },
  ).object;
}

/** Adds or removes a finalizer on the latest version of an object. */
export function setFinalizer(
  ops: ClusterOperations,
  type: ResourceType,
  object: KubeObject,
  finalizer: string,
  present: boolean,
): KubeObject | undefined {
  const latest = ops.tryGet(
    type,
    object.metadata.namespace,
    object.metadata.name,
  );
  if (!latest) return undefined;
  const finalizers = latest.metadata.finalizers ?? [];
  if (finalizers.includes(finalizer) === present) return latest;
  const next = present
    ? [...finalizers, finalizer]
    : finalizers.filter(f => f !== finalizer);
  return ops.update(type, latest.metadata.namespace, latest.metadata.name, {
    ...latest,
    metadata: { ...latest.metadata, finalizers: next },
  }).object;
}
