import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readStatusOptions } from './readStatusOptions';

function read(kratixDynamodb: object) {
  const logger = mockServices.logger.mock();
  const options = readStatusOptions(
    new ConfigReader({ kratixDynamodb }),
    logger,
  );
  const warnings = logger.warn.mock.calls.map(([message]) => message);
  return { options, warnings };
}

describe('readStatusOptions', () => {
  it('uses the documented defaults', () => {
    const { options, warnings } = read({});
    expect(options).toMatchObject({
      graceMs: 60_000,
      clusterTimeoutMs: 5_000,
      probeTimeoutMs: 3_000,
      probeCacheMs: 5_000,
      livenessPath: '/health',
      readinessPath: '/ready',
    });
    expect(warnings).toEqual([]);
  });

  it('reads durations as HumanDuration objects and strings', () => {
    const { options, warnings } = read({
      status: { gracePeriod: { seconds: 20 }, clusterTimeout: '2.5s' },
      health: { timeout: 'PT1S', cacheTtl: { milliseconds: 0 } },
    });
    expect(options).toMatchObject({
      graceMs: 20_000,
      clusterTimeoutMs: 2_500,
      probeTimeoutMs: 1_000,
      probeCacheMs: 0,
    });
    expect(warnings).toEqual([]);
  });

  it('still honours the numeric keys, warning once for each with what to write instead', () => {
    const { options, warnings } = read({
      status: { gracePeriodSeconds: 20, clusterTimeoutMs: 3000 },
      health: { timeoutMs: 1500, cacheMs: 0 },
    });
    expect(options).toMatchObject({
      graceMs: 20_000,
      clusterTimeoutMs: 3_000,
      probeTimeoutMs: 1_500,
      probeCacheMs: 0,
    });
    expect(warnings).toEqual([
      'Config key kratixDynamodb.status.gracePeriodSeconds is deprecated; write kratixDynamodb.status.gracePeriod: { seconds: 20 } instead',
      'Config key kratixDynamodb.status.clusterTimeoutMs is deprecated; write kratixDynamodb.status.clusterTimeout: { milliseconds: 3000 } instead',
      'Config key kratixDynamodb.health.timeoutMs is deprecated; write kratixDynamodb.health.timeout: { milliseconds: 1500 } instead',
      'Config key kratixDynamodb.health.cacheMs is deprecated; write kratixDynamodb.health.cacheTtl: { milliseconds: 0 } instead',
    ]);
  });

  it('prefers the new key when both are set, and says the old one is ignored', () => {
    const { options, warnings } = read({
      status: { gracePeriod: { seconds: 5 }, gracePeriodSeconds: 60 },
    });
    expect(options.graceMs).toBe(5_000);
    expect(warnings).toEqual([
      'Config key kratixDynamodb.status.gracePeriodSeconds is deprecated and ignored, since kratixDynamodb.status.gracePeriod is set; remove it',
    ]);
  });

  it.each([
    [
      { status: { gracePeriod: 20 } },
      /kratixDynamodb\.status\.gracePeriod .*not a plain number/,
    ],
    [
      { status: { clusterTimeout: 'soon' } },
      /'kratixDynamodb\.status\.clusterTimeout'/,
    ],
    [
      { health: { timeout: { secs: 3 } } },
      /'kratixDynamodb\.health\.timeout'.*Needs one or more of/,
    ],
    [{ health: { cacheMs: 'often' } }, /'kratixDynamodb\.health\.cacheMs'/],
  ])('refuses a bad value naming its key: %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
