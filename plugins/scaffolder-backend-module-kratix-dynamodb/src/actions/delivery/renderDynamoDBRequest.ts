import {
  buildDynamoDBRequest,
  DynamoDBRequestSpec,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';
import { linkMetadata } from './linkMetadata';
import type { Target } from '../inputs/validateTarget';

/** The DynamoDBRequest object for a validated spec. */
export function renderDynamoDBRequest(
  target: Target,
  spec: DynamoDBRequestSpec,
  taskId: string,
): KubernetesObject {
  return buildDynamoDBRequest(
    linkMetadata(
      target,
      entityRefOfClusterObject({ kind: 'resource', ...target }),
      taskId,
    ),
    spec,
  );
}
