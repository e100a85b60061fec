import { ANNOTATIONS, LABELS } from '@kratix-dynamodb/common';
import type { Target } from '../inputs/validateTarget';

/** The managed-by label value, so cluster users can tell these objects came from the wizard. */
export const MANAGED_BY_SCAFFOLDER = 'backstage-scaffolder';

/**
 * The metadata that links an object to its catalog entity and to the task that made it. A
 * retried or recovered task finds its own object by the task annotation and carries on; an
 * object without it (or with another task's) is someone else's and is never touched.
 */
export function linkMetadata(
  target: Target,
  entityRef: string,
  taskId: string,
) {
  const annotations: Record<string, string> = {
    [ANNOTATIONS.entityRef]: entityRef,
    [ANNOTATIONS.scaffolderTaskId]: taskId,
  };
  if (target.owner) annotations[ANNOTATIONS.owner] = target.owner;
  return {
    name: target.name,
    namespace: target.namespace,
    labels: {
      [LABELS.managedBy]: MANAGED_BY_SCAFFOLDER,
      [LABELS.entityName]: target.name,
    },
    annotations,
  };
}
