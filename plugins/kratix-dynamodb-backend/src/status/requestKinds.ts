import {
  ANNOTATIONS,
  DYNAMODB_PROMISE_NAME,
  DYNAMODB_REQUEST_GVK,
  GroupVersionKind,
  promiseApiOf,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';

/** The Promise an entity's request belongs to: aws-dynamodb-kratix unless the entity names one. */
export function promiseNameOf(annotations: Record<string, string>): string {
  return annotations[ANNOTATIONS.promise] || DYNAMODB_PROMISE_NAME;
}

/**
 * The kind of the entity's request, from its Promise's API. DynamoDBRequest is known without
 * its Promise, so a missing DynamoDB Promise still shows the request's own state; another
 * Promise's kind is only known while the Promise is on the cluster.
 */
export function requestKindOf(
  promiseName: string,
  promise: KubernetesObject | undefined,
): GroupVersionKind | undefined {
  if (promiseName === DYNAMODB_PROMISE_NAME) return DYNAMODB_REQUEST_GVK;
  return promise ? promiseApiOf(promise)?.gvk : undefined;
}

/** Whether the request's Promise makes an ACK Table (so the chain reads Tables for it). */
export function makesDynamoDBTable(kind: GroupVersionKind | undefined) {
  return (
    kind?.group === DYNAMODB_REQUEST_GVK.group &&
    kind?.kind === DYNAMODB_REQUEST_GVK.kind
  );
}
