import { chainReads, kindRead } from './__testUtils__/chainReads';
import { readPromiseStage } from './readPromiseStage';

describe('readPromiseStage', () => {
  it('gives the Kratix diagnosis, not a generic one, when the Promise API is missing', () => {
    const { reads } = chainReads({
      promises: kindRead({
        kind: 'missing-api',
        message: 'no platform.kratix.io API',
      }),
    });
    expect(readPromiseStage(reads).summary).toMatch(/Kratix is not installed/);
  });

  it('notes the aws-dynamodb-kratix Promise it judged', () => {
    const promise = {
      metadata: { name: 'aws-dynamodb-kratix' },
      status: { conditions: [{ type: 'Available', status: 'True' }] },
    };
    const { reads, seen } = chainReads({ promises: kindRead([promise]) });
    expect(readPromiseStage(reads).state).toBe('ok');
    expect(seen).toEqual([promise]);
  });
});
