/**
 * The DynamoDBRequest object for a spec: the scaffolder action applies it and the wizard
 * previews it, so the two cannot disagree on apiVersion, kind or field order.
 */
import { DYNAMODB_REQUEST_GVK } from '../constants';
import type { DynamoDBRequest } from './types';

/** @public */
export function buildDynamoDBRequest(
  metadata: DynamoDBRequest['metadata'],
  spec: DynamoDBRequest['spec'],
): DynamoDBRequest {
  return {
    apiVersion: `${DYNAMODB_REQUEST_GVK.group}/${DYNAMODB_REQUEST_GVK.version}`,
    kind: DYNAMODB_REQUEST_GVK.kind,
    metadata,
    spec,
  };
}
