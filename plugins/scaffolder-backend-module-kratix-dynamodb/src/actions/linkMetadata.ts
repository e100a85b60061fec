import { ANNOTATIONS, LABELS } from '@kratix-dynamodb/common';
import type { Target } from './validateTarget';

/** The managed-by label value, so cluster users can tell these objects came from the wizard. */
export const MANAGED_BY_SCAFFOLDER = 'backstage-scaffolder';

/**
 * The scaffolder task that created an object. A retried or recovered task finds its own
 * object by this and carries on; an object without it (or with another task's) is someone
 * else's and is never touched.
 */
export const SCAFFOLDER_TASK_ANNOTATION =
  'kratix-dynamodb.io/scaffolder-task-id';

/** The metadata that links an object to its catalog entity and to the task that made it. */
export function linkMetadata(
  target: Target,
  entityRef: string,
  taskId: string,
) {
  const annotations: Record<string, string> = {
    [ANNOTATIONS.entityRef]: entityRef,
    [SCAFFOLDER_TASK_ANNOTATION]: taskId,
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
