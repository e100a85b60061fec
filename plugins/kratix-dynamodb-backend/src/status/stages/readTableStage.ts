import { LABELS, StatusStage } from '@kratix-dynamodb/common';
import { ChainReads, splitRef, unreadableStage } from '../ChainReads';
import { tableStage } from './tableStage';

/** The table stage from the ACK Table that carries the request labels the workflow stamps. */
export function readTableStage(
  reads: ChainReads,
  requestRef: string,
  workflowDone: boolean,
): StatusStage {
  const { namespace, name } = splitRef(requestRef);
  const table = reads.note(
    reads.tables.find(
      t =>
        t.metadata.labels?.[LABELS.requestName] === name &&
        (t.metadata.labels?.[LABELS.requestNamespace] ??
          t.metadata.namespace) === namespace,
    ),
  );
  return (
    unreadableStage(
      'table',
      reads.tables,
      'Install the ACK DynamoDB controller',
    ) ??
    tableStage(table, {
      workflowDone,
      now: reads.now,
      graceMs: reads.options.graceMs,
    })
  );
}
