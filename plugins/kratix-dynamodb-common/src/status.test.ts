import { overallState } from './status';

describe('overallState', () => {
  it('is the worst state of the chain', () => {
    expect(
      overallState([
        { state: 'ok' },
        { state: 'error' },
        { state: 'progressing' },
      ]),
    ).toBe('error');
    expect(overallState([{ state: 'ok' }, { state: 'progressing' }])).toBe(
      'progressing',
    );
    expect(overallState([{ state: 'ok' }, { state: 'skipped' }])).toBe('ok');
  });

  it('is unknown when every stage was skipped', () => {
    expect(overallState([{ state: 'skipped' }])).toBe('unknown');
  });
});
