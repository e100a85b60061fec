import {
  ANNOTATIONS,
  conditionsOf,
  findCondition,
  StatusStage,
} from '@kratix-dynamodb/common';
import { isPastGrace } from '../conditions';

export type TableObject = {
  metadata: {
    name: string;
    creationTimestamp?: string;
    annotations?: Record<string, string>;
  };
  spec?: { tableName?: string };
  status?: any;
};

const CREDENTIAL_ERRORS =
  /UnrecognizedClientException|InvalidClientTokenId|ExpiredToken|AccessDenied|security token|credentials/i;

/** The AWS console page of a table. Built from the region and name only: no user URL. */
export function consoleUrl(region: string, tableName: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/dynamodbv2/home?region=${r}#table?name=${encodeURIComponent(
    tableName,
  )}`;
}

/** The ACK Table, read the way ACK writes it (see the upstream status notes). */
export function tableStage(
  table: TableObject | undefined,
  context: { workflowDone: boolean; now: Date; graceMs: number },
): StatusStage {
  const id = 'table';
  if (!table) {
    return context.workflowDone
      ? {
          id,
          state: 'error',
          conditions: [],
          links: [],
          summary:
            'The workflow succeeded but no ACK Table was found for this request',
          hint: 'Check that the Promise destination applies the workflow output to the cluster (the Table carries the request labels)',
        }
      : {
          id,
          state: 'progressing',
          conditions: [],
          links: [],
          summary: 'Waiting for the workflow to produce the ACK Table',
        };
  }
  const conditions = conditionsOf(table);
  const status = table.status ?? {};
  const tableName = table.spec?.tableName ?? table.metadata.name;
  const region: string | undefined =
    status.ackResourceMetadata?.region ??
    table.metadata.annotations?.[ANNOTATIONS.ackRegion];
  const arn: string | undefined = status.ackResourceMetadata?.arn;
  const details: Record<string, string> = { tableName };
  if (region) details.region = region;
  if (arn) details.arn = arn;
  if (status.tableStatus) details.tableStatus = status.tableStatus;
  const links =
    region && arn
      ? [
          {
            title: 'Open in the AWS console',
            url: consoleUrl(region, tableName),
          },
        ]
      : [];
  const base: Omit<StatusStage, 'state' | 'summary'> = {
    id,
    conditions,
    links,
    details,
  };

  if (conditions.length === 0) {
    if (
      isPastGrace(
        table.metadata.creationTimestamp,
        context.now,
        context.graceMs,
      )
    ) {
      return {
        ...base,
        state: 'error',
        summary:
          'The ACK controller has not reconciled this Table (no conditions)',
        hint: 'The ACK DynamoDB controller is not running or has no AWS credentials: check its pod in ack-system and its IAM role or secret',
      };
    }
    return {
      ...base,
      state: 'progressing',
      summary: 'Waiting for the ACK controller to reconcile the Table',
    };
  }
  const terminal = findCondition(conditions, 'ACK.Terminal');
  if (terminal?.status === 'True') {
    return {
      ...base,
      state: 'error',
      since: terminal.lastTransitionTime,
      summary: `AWS refused the table: ${terminal.message ?? 'terminal error'}`,
      hint: 'ACK will not retry: correct the request spec and apply it again',
    };
  }
  const recoverable = findCondition(conditions, 'ACK.Recoverable');
  if (recoverable?.status === 'True') {
    const credentials = CREDENTIAL_ERRORS.test(recoverable.message ?? '');
    return {
      ...base,
      state: 'error',
      since: recoverable.lastTransitionTime,
      summary: `ACK cannot create the table: ${
        recoverable.message ?? 'recoverable error'
      }`,
      hint: credentials
        ? 'Give the ACK DynamoDB controller valid AWS credentials (IRSA role or secret) with dynamodb:* on this table'
        : 'ACK retries by itself; if the error stays, fix its cause in AWS or in the request',
    };
  }
  const ready =
    findCondition(conditions, 'Ready') ??
    findCondition(conditions, 'ACK.ResourceSynced');
  // ACK can report Synced while the table is still CREATING, so tableStatus decides.
  if (status.tableStatus === 'ACTIVE' && ready?.status === 'True') {
    return {
      ...base,
      state: 'ok',
      summary: `ACTIVE in ${region ?? 'its region'}`,
      since: ready.lastTransitionTime,
    };
  }
  if (
    status.tableStatus === 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' ||
    status.tableStatus === 'ARCHIVED'
  ) {
    return {
      ...base,
      state: 'error',
      summary: `The table is ${status.tableStatus}`,
      hint: "Restore access to the table's KMS key in AWS",
    };
  }
  return {
    ...base,
    state: 'progressing',
    summary: status.tableStatus
      ? `${status.tableStatus}`
      : 'ACK is syncing the Table',
  };
}
