import { conditionsOf, findCondition } from './conditions';

describe('conditionsOf', () => {
  it('reads no conditions from an object without status', () => {
    expect(conditionsOf(undefined)).toEqual([]);
    expect(conditionsOf({})).toEqual([]);
    expect(conditionsOf({ status: { conditions: 'nope' } })).toEqual([]);
  });

  it('normalises each condition and drops empty fields', () => {
    const conditions = conditionsOf({
      status: {
        conditions: [
          { type: 'Ready', status: 'False', reason: '', message: 'no creds' },
        ],
      },
    });
    expect(conditions).toEqual([
      {
        type: 'Ready',
        status: 'False',
        reason: undefined,
        message: 'no creds',
        lastTransitionTime: undefined,
      },
    ]);
    expect(findCondition(conditions, 'Ready')?.message).toBe('no creds');
    expect(findCondition(conditions, 'Synced')).toBeUndefined();
  });
});
