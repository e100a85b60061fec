import { promiseStage } from './promiseStage';

describe('promiseStage', () => {
  it('says Kratix is not installed when the Promise API is missing', () => {
    const stage = promiseStage({ kind: 'missing-api' });
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/Kratix is not installed/);
    expect(stage.hint).toMatch(/Install Kratix/);
  });

  it('says the Promise is not applied when Kratix is there but the Promise is not', () => {
    expect(promiseStage({ kind: 'absent' }).summary).toMatch(
      /aws-dynamodb-kratix Promise is not installed/,
    );
  });

  it('is ok when Kratix marks the Promise Available, and an error when Unavailable', () => {
    const available = {
      metadata: {},
      status: {
        status: 'Available',
        conditions: [
          { type: 'Available', status: 'True', reason: 'PromiseAvailable' },
        ],
      },
    };
    expect(promiseStage({ kind: 'found', object: available }).state).toBe('ok');
    const unavailable = {
      metadata: {},
      status: {
        status: 'Unavailable',
        conditions: [
          {
            type: 'Available',
            status: 'False',
            reason: 'PromiseUnavailable',
            message: 'Cannot fulfil resource requests',
          },
        ],
      },
    };
    const stage = promiseStage({ kind: 'found', object: unavailable });
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe('Unavailable: Cannot fulfil resource requests');
  });
});
