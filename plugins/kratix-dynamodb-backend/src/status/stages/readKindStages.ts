import type { GroupVersionKind, StatusStage } from '@kratix-dynamodb/common';
import type { ChainReads } from '../ChainReads';
import { skippedStage } from '../conditions';
import { makesDynamoDBTable } from '../requestKinds';
import { readTableStage } from './readTableStage';

/**
 * The stages past the workflow that depend on what the request's Promise makes. A DynamoDB
 * request becomes an ACK Table; another Promise's output is its own business, so its table
 * stage is skipped with the reason (the application and health stages follow the entity's
 * KubeVela Application, whatever the kind).
 */
export function readKindTableStage(
  reads: ChainReads,
  kind: GroupVersionKind,
  requestRef: string,
  workflowDone: boolean,
): StatusStage {
  if (makesDynamoDBTable(kind))
    return readTableStage(reads, requestRef, workflowDone);
  return skippedStage(
    'table',
    `A ${kind.kind} makes no DynamoDB table: what its workflow outputs is up to the ${reads.promiseName} Promise`,
  );
}
