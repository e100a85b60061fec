import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/**
 * A duration setting that replaced a plain number whose unit was in its name
 * (`gracePeriodSeconds` became `gracePeriod`).
 */
export type DurationSetting = {
  /** The key: a HumanDuration object (`{ seconds: 20 }`) or a string (`20s`, `PT20S`). */
  key: string;
  /** The number it replaced, still honoured while `key` is absent. */
  deprecatedKey: string;
  deprecatedUnit: 'seconds' | 'milliseconds';
  defaultMs: number;
};

/**
 * Reads a duration in milliseconds. An app upgraded from the numeric key keeps working, with a
 * warning that says what to write instead; when both are set the new key wins and the warning
 * says the old one is ignored.
 */
export function readDurationMs(
  config: Config,
  setting: DurationSetting,
  logger: LoggerService,
): number {
  const { key, deprecatedKey, deprecatedUnit, defaultMs } = setting;
  // Read first, so a non-number under the old key is refused even when the new key is set.
  const deprecated = config.getOptionalNumber(deprecatedKey);
  if (config.has(key)) {
    if (deprecated !== undefined) {
      logger.warn(
        `Config key ${deprecatedKey} is deprecated and ignored, since ${key} is set; remove it`,
      );
    }
    return readDuration(config, key);
  }
  if (deprecated === undefined) return defaultMs;
  logger.warn(
    `Config key ${deprecatedKey} is deprecated; write ${key}: { ${deprecatedUnit}: ${deprecated} } instead`,
  );
  return deprecatedUnit === 'seconds' ? deprecated * 1000 : deprecated;
}

function readDuration(config: Config, key: string): number {
  if (typeof config.getOptional(key) === 'number') {
    throw new InputError(
      `Config key ${key} must be a duration such as { seconds: 20 } or '20s', not a plain number`,
    );
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}
