import { LABELS } from '@kratix-dynamodb/common';
import { chainReads, kindRead } from './__testUtils__/chainReads';
import { readTableStage } from './readTableStage';

const labelled = (
  name: string,
  requestName: string,
  requestNamespace?: string,
) => ({
  metadata: {
    name,
    namespace: 'team-a',
    labels: {
      [LABELS.requestName]: requestName,
      ...(requestNamespace
        ? { [LABELS.requestNamespace]: requestNamespace }
        : {}),
    },
  },
  status: {
    tableStatus: 'ACTIVE',
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});

describe('readTableStage', () => {
  it('judges the Table labelled with the request, and notes it', () => {
    const ours = labelled('team-a-orders', 'orders', 'team-a');
    const { reads, seen } = chainReads({
      tables: kindRead([labelled('other', 'orders', 'team-b'), ours]),
    });
    expect(readTableStage(reads, 'team-a/orders', true).state).toBe('ok');
    expect(seen).toEqual([ours]);
  });

  it("takes the Table's own namespace when the workflow stamped no request namespace", () => {
    const { reads, seen } = chainReads({
      tables: kindRead([labelled('team-a-orders', 'orders')]),
    });
    readTableStage(reads, 'team-a/orders', true);
    expect(seen.map(t => t.metadata.name)).toEqual(['team-a-orders']);
  });

  it('says to install ACK when the Table API is missing', () => {
    const { reads } = chainReads({
      tables: kindRead({ kind: 'missing-api', message: 'no ACK' }),
    });
    expect(readTableStage(reads, 'team-a/orders', true)).toMatchObject({
      state: 'error',
      summary: 'no ACK',
      hint: 'Install the ACK DynamoDB controller',
    });
  });
});
