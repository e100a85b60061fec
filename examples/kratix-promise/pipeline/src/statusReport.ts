/**
 * What the pipeline writes to /kratix/metadata/status.yaml. Kratix merges these keys into the
 * request's .status, and shows `message` as the request's status message, so each message
 * says in one line what happened and, on failure, what to fix.
 */
import {
  describeValidationErrors,
  type DynamoDBRequestSpec,
  type DynamoDBRequestValidationError,
} from '@kratix-dynamodb/common';

export type StatusReport = Record<string, unknown> & { message: string };

export function tableRequestedStatus(
  spec: DynamoDBRequestSpec,
  table: { name: string; namespace: string },
): StatusReport {
  const keeps =
    spec.deletionPolicy === 'retain'
      ? 'kept when the request is deleted'
      : 'deleted with the request';
  return {
    message: `ACK Table ${table.namespace}/${table.name} requested: DynamoDB table ${spec.name} in ${spec.region}, ${spec.billingMode}, ${keeps}`,
    tableName: spec.name,
    region: spec.region,
    billingMode: spec.billingMode,
    deletionPolicy: spec.deletionPolicy,
    ackTable: table,
    // Kratix merges status, so an earlier failure's errors must be cleared explicitly.
    validationErrors: [],
  };
}

export function invalidRequestStatus(
  errors: readonly DynamoDBRequestValidationError[],
): StatusReport {
  const problems =
    errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return {
    message: `Invalid DynamoDBRequest, no table requested (${problems}): ${describeValidationErrors(
      errors,
    ).join('; ')}`,
    validationErrors: errors.map(({ path, message }) => ({ path, message })),
  };
}

export function deletedStatus(
  tableName: string | undefined,
  deletionPolicy: string,
): StatusReport {
  const table = tableName
    ? `DynamoDB table ${tableName}`
    : 'the DynamoDB table';
  const fate =
    deletionPolicy === 'delete'
      ? `ACK deletes ${table} from AWS (deletionPolicy delete)`
      : `ACK keeps ${table} in AWS (deletionPolicy retain); delete it there when its data is no longer needed`;
  return { message: `Request deleted: ${fate}` };
}

export function unknownActionStatus(action: string): StatusReport {
  return {
    message: `Unknown KRATIX_WORKFLOW_ACTION '${action}': expected configure or delete`,
  };
}
