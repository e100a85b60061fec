import { randomBytes } from 'node:crypto';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import { isoSeconds } from '../store/objectMetadata';

/** A core/v1 Event about an object, as controllers record them (what `kubectl describe` lists). */
export function recordEvent(
  ops: ClusterOperations,
  about: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
): void {
  const events = ops.registry.byKind('', 'Event');
  if (!events) return;
  const namespace = about.metadata.namespace ?? 'default';
  const now = isoSeconds(new Date());
  try {
    ops.create(events, namespace, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${about.metadata.name}.${randomBytes(8).toString('hex')}`,
        namespace,
      },
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: about.metadata.name,
        namespace: about.metadata.namespace,
        uid: about.metadata.uid,
        resourceVersion: about.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: { component },
      reportingComponent: component,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    });
  } catch {
    // The namespace is going away; its events go with it.
  }
}
