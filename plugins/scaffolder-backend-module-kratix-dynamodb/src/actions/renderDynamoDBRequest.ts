import {
  DYNAMODB_REQUEST_GVK,
  DynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';
import { linkMetadata } from './linkMetadata';
import type { Target } from './validateTarget';

/** The catalog entity the catalog module makes for a request: a Resource named after it. */
export function requestEntityRef(name: string): string {
  return `resource:default/${name}`;
}

/** The DynamoDBRequest object for a validated spec. */
export function renderDynamoDBRequest(
  target: Target,
  spec: DynamoDBRequestSpec,
  taskId: string,
): KubernetesObject {
  return {
    apiVersion: `${DYNAMODB_REQUEST_GVK.group}/${DYNAMODB_REQUEST_GVK.version}`,
    kind: DYNAMODB_REQUEST_GVK.kind,
    metadata: linkMetadata(target, requestEntityRef(target.name), taskId),
    spec,
  };
}
