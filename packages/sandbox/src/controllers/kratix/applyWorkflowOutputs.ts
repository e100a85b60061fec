import type { ClusterOperations } from '../../store/ClusterOperations';
import type { KubeObject } from '../../store/ObjectStore';
import type { ResourceType } from '../../store/ResourceType';

export type ObjectRef = {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
};

/**
 * Stands in for Kratix's Work + state store + Flux: what the pipeline wrote to /kratix/output
 * is applied to the cluster (created, or updated in place). Returns what was applied and the
 * kinds that could not be (no such kind on the cluster).
 */
export function applyWorkflowOutputs(
  ops: ClusterOperations,
  outputs: KubeObject[],
  defaultNamespace: string,
): { applied: ObjectRef[]; failures: string[] } {
  const applied: ObjectRef[] = [];
  const failures: string[] = [];
  for (const doc of outputs) {
    const [group, version] = doc.apiVersion.includes('/')
      ? doc.apiVersion.split('/')
      : ['', doc.apiVersion];
    const type = ops.registry.byKind(group, doc.kind, version);
    if (!type) {
      failures.push(`no kind ${doc.kind} in ${doc.apiVersion} on the cluster`);
      continue;
    }
    const namespace = type.namespaced
      ? doc.metadata?.namespace ?? defaultNamespace
      : undefined;
    try {
      applyOne(ops, type, namespace, doc);
      applied.push({
        group,
        version,
        kind: doc.kind,
        namespace,
        name: doc.metadata.name,
      });
    } catch (error) {
      failures.push(
        `${doc.kind} ${doc.metadata?.name}: ${(error as Error).message}`,
      );
    }
  }
  return { applied, failures };
}

function applyOne(
  ops: ClusterOperations,
  type: ResourceType,
  namespace: string | undefined,
  doc: KubeObject,
): void {
  const existing = ops.tryGet(type, namespace, doc.metadata.name);
  if (!existing) {
    ops.create(type, namespace, doc);
    return;
  }
  const { status: _status, ...desired } = doc;
  ops.update(type, namespace, doc.metadata.name, {
    ...existing,
    ...desired,
    metadata: {
      ...existing.metadata,
      labels: { ...existing.metadata.labels, ...doc.metadata.labels },
      annotations: {
        ...existing.metadata.annotations,
        ...doc.metadata.annotations,
      },
    },
  });
}

/** Deletes what a request's workflow applied (Kratix removes the Work and its objects with the request). */
export function deleteWorkflowOutputs(
  ops: ClusterOperations,
  refs: ObjectRef[],
): void {
  for (const ref of refs) {
    const type = ops.registry.byKind(ref.group, ref.kind, ref.version);
    if (!type) continue;
    try {
      ops.delete(type, ref.namespace, ref.name);
    } catch {
      // Already gone.
    }
  }
}
