import { ANNOTATIONS } from '@kratix-dynamodb/common';
import { tableStage } from './tableStage';

const now = new Date('2026-03-16T12:00:00Z');
const context = { workflowDone: true, now, graceMs: 60_000 };
const table = (status?: any, createdAt = '2026-03-16T11:00:00Z') => ({
  metadata: {
    name: 'orders',
    creationTimestamp: createdAt,
    annotations: { [ANNOTATIONS.ackRegion]: 'us-west-2' },
  },
  spec: { tableName: 'orders' },
  status,
});

describe('tableStage', () => {
  it('is ok when ACTIVE and Ready, with the ARN and a console link', () => {
    const stage = tableStage(
      table({
        ackResourceMetadata: {
          arn: 'arn:aws:dynamodb:us-west-2:111122223333:table/orders',
          region: 'us-west-2',
        },
        tableStatus: 'ACTIVE',
        conditions: [
          {
            type: 'ACK.ResourceSynced',
            status: 'True',
            message: 'Resource synced successfully',
          },
          {
            type: 'Ready',
            status: 'True',
            message: 'Resource synced successfully',
          },
        ],
      }),
      context,
    );
    expect(stage.state).toBe('ok');
    expect(stage.details?.arn).toBe(
      'arn:aws:dynamodb:us-west-2:111122223333:table/orders',
    );
    expect(stage.links[0].url).toBe(
      'https://us-west-2.console.aws.amazon.com/dynamodbv2/home?region=us-west-2#table?name=orders',
    );
  });

  it('does not trust Synced while the table is still CREATING', () => {
    const stage = tableStage(
      table({
        tableStatus: 'CREATING',
        conditions: [{ type: 'Ready', status: 'True' }],
      }),
      context,
    );
    expect(stage.state).toBe('progressing');
  });

  it('diagnoses a missing or credential-less ACK controller when the Table has no conditions after the grace period', () => {
    const stage = tableStage(table(undefined), context);
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/ACK controller has not reconciled/);
    expect(stage.hint).toMatch(/not running or has no AWS credentials/);
    expect(
      tableStage(table(undefined, '2026-03-16T11:59:30Z'), context).state,
    ).toBe('progressing');
  });

  it('reports ACK.Recoverable with the AWS message and a credentials hint', () => {
    const stage = tableStage(
      table({
        conditions: [
          {
            type: 'ACK.Recoverable',
            status: 'True',
            message:
              'api error UnrecognizedClientException: The security token included in the request is invalid.',
          },
          { type: 'Ready', status: 'False', reason: 'ACK.Recoverable' },
        ],
      }),
      context,
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/UnrecognizedClientException/);
    expect(stage.hint).toMatch(/valid AWS credentials/);
  });

  it('reports ACK.Terminal as a spec problem ACK will not retry', () => {
    const stage = tableStage(
      table({
        conditions: [
          {
            type: 'ACK.Terminal',
            status: 'True',
            message: 'ValidationException: bad key',
          },
        ],
      }),
      context,
    );
    expect(stage).toMatchObject({
      state: 'error',
      summary: 'AWS refused the table: ValidationException: bad key',
    });
    expect(stage.hint).toMatch(/will not retry/);
  });

  it('reports a Table that the workflow never produced', () => {
    expect(tableStage(undefined, context).state).toBe('error');
    expect(
      tableStage(undefined, { ...context, workflowDone: false }).state,
    ).toBe('progressing');
  });
});
