import {
  entityRefOfClusterObject,
  type GroupVersionKind,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';
import type { Target } from '../inputs/validateTarget';
import { linkMetadata } from './linkMetadata';

/** A request of any Promise's kind, with the metadata that links it to its entity and task. */
export function renderKratixRequest(
  target: Target,
  gvk: GroupVersionKind,
  spec: Record<string, unknown>,
  taskId: string,
): KubernetesObject {
  return {
    apiVersion: `${gvk.group}/${gvk.version}`,
    kind: gvk.kind,
    metadata: linkMetadata(
      target,
      entityRefOfClusterObject({ kind: 'resource', ...target }),
      taskId,
    ),
    spec,
  };
}
