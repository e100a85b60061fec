import { isoSeconds } from '../../store/objectMetadata';
import type { Condition } from '../../reconcile/conditions';

export type AckIdentity = {
  ownerAccountID: string;
  region: string;
  partition: string;
};

const SYNCED = 'Resource synced successfully';
const NOT_SYNCED = 'Resource not synced';
const UNKNOWN_SYNC =
  'Unable to determine if desired resource state matches latest observed state';

/** ACK rebuilds its conditions on every reconcile; times carry over only where a status did not change. */
function rebuild(
  previous: Condition[] | undefined,
  next: Condition[],
): Condition[] {
  const now = isoSeconds(new Date());
  return next.map(c => {
    const before = previous?.find(p => p.type === c.type);
    return {
      ...c,
      lastTransitionTime:
        before && before.status === c.status && before.lastTransitionTime
          ? before.lastTransitionTime
          : now,
    };
  });
}

/** After a successful DescribeTable/CreateTable: synced once ACTIVE, "not synced" (requeued) before. */
export function describedTableStatus(
  previous: any,
  identity: AckIdentity,
  table: any,
): Record<string, unknown> {
  const active = table.TableStatus === 'ACTIVE';
  const requeueReason = `table in '${table.TableStatus}' state, cannot be modified or deleted`;
  const conditions = active
    ? [
        {
          type: 'ACK.ResourceSynced',
          status: 'True',
          message: SYNCED,
          reason: '',
        },
        { type: 'Ready', status: 'True', message: SYNCED, reason: '' },
      ]
    : [
        {
          type: 'ACK.ResourceSynced',
          status: 'False',
          message: NOT_SYNCED,
          reason: requeueReason,
        },
        {
          type: 'Ready',
          status: 'False',
          message: NOT_SYNCED,
          reason: requeueReason,
        },
      ];
  return {
    ackResourceMetadata: { arn: table.TableArn, ...identity },
    tableStatus: table.TableStatus,
    ...(table.TableId ? { tableID: table.TableId } : {}),
    ...(table.CreationDateTime
      ? {
          creationDateTime: isoSeconds(new Date(table.CreationDateTime * 1000)),
        }
      : {}),
    itemCount: table.ItemCount ?? 0,
    tableSizeBytes: table.TableSizeBytes ?? 0,
    conditions: rebuild(previous?.conditions, conditions as Condition[]),
  };
}

/** An AWS error ACK retries (bad credentials, throttling): ACK.Recoverable, sync Unknown. */
export function recoverableStatus(
  previous: any,
  identity: AckIdentity,
  ackMessage: string,
  operation: string,
): Record<string, unknown> {
  const detailed = `operation error DynamoDB: ${operation}, https response error StatusCode: 400, RequestID: 00000000-0000-0000-0000-000000000000, ${ackMessage}`;
  return {
    ...keepObserved(previous),
    ackResourceMetadata: {
      ...(previous?.ackResourceMetadata?.arn
        ? { arn: previous.ackResourceMetadata.arn }
        : {}),
      ...identity,
    },
    conditions: rebuild(previous?.conditions, [
      { type: 'ACK.Recoverable', status: 'True', message: ackMessage },
      {
        type: 'ACK.ResourceSynced',
        status: 'Unknown',
        message: UNKNOWN_SYNC,
        reason: detailed,
      },
      {
        type: 'Ready',
        status: 'False',
        message: ackMessage,
        reason: 'ACK.Recoverable',
      },
    ]),
  };
}

/** An error ACK will not retry until the spec changes (an invalid table definition). */
export function terminalStatus(
  previous: any,
  identity: AckIdentity,
  ackMessage: string,
): Record<string, unknown> {
  return {
    ...keepObserved(previous),
    ackResourceMetadata: identity,
    conditions: rebuild(previous?.conditions, [
      { type: 'ACK.Terminal', status: 'True', message: ackMessage },
      {
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: NOT_SYNCED,
        reason: ackMessage,
      },
      {
        type: 'Ready',
        status: 'False',
        message: ackMessage,
        reason: 'ACK.Terminal',
      },
    ]),
  };
}

function keepObserved(previous: any): Record<string, unknown> {
  const { conditions: _c, ackResourceMetadata: _m, ...rest } = previous ?? {};
  return rest;
}
