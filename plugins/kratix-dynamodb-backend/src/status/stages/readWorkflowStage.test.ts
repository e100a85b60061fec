import { chainReads, kindRead } from './__testUtils__/chainReads';
import { readWorkflowStage } from './readWorkflowStage';

describe('readWorkflowStage', () => {
  it('is unknown when the requests could not be read', () => {
    const { reads } = chainReads({
      requests: kindRead({ kind: 'missing-api', message: 'no Promise' }),
    });
    expect(readWorkflowStage(reads, 'team-a/orders')).toMatchObject({
      state: 'unknown',
      summary: 'The request could not be read',
    });
  });
});
