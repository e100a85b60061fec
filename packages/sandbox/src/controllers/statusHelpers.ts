import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isoSeconds } from '../store/objectMetadata';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import type { ResourceType } from '../store/ResourceType';
import { SANDBOX_PACKAGE_DIR } from '../packageDir';

export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  [key: string]: unknown;
};

/** Sets a condition, keeping its lastTransitionTime unless its status changed (as meta.SetStatusCondition does). */
export function withCondition(
  conditions: Condition[] | undefined,
  next: Condition,
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  const previous = index >= 0 ? list[index] : undefined;
  const lastTransitionTime =
    previous && previous.status === next.status && previous.lastTransitionTime
      ? previous.lastTransitionTime
      : isoSeconds(new Date());
  const merged = { ...next, lastTransitionTime };
  if (index >= 0) list[index] = merged;
  else list.push(merged);
  return list;
}

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

/** Creates the CRDs in ../crds (the kinds the sandbox plays), or brings them up to date. */
export function installCrd(ops: ClusterOperations, file: string): void {
  const crds = ops.registry.byKind(
    'apiextensions.k8s.io',
    'CustomResourceDefinition',
  )!;
  const text = fs.readFileSync(
    path.join(SANDBOX_PACKAGE_DIR, 'crds', file),
    'utf8',
  );
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as KubeObject;
    const existing = ops.tryGet(crds, undefined, crd.metadata.name);
    if (!existing) ops.create(crds, undefined, crd);
    else if (JSON.stringify(existing.spec) !== JSON.stringify(crd.spec)) {
      ops.update(crds, undefined, crd.metadata.name, {
        ...crd,
        metadata: { ...existing.metadata },
      });
    }
  }
}

export function removeCrd(ops: ClusterOperations, name: string): void {
  const crds = ops.registry.byKind(
    'apiextensions.k8s.io',
    'CustomResourceDefinition',
  )!;
  if (ops.tryGet(crds, undefined, name)) ops.delete(crds, undefined, name);
}

export function objectKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const [namespace, name] = key.split('/');
  return { namespace: namespace || undefined, name };
}
