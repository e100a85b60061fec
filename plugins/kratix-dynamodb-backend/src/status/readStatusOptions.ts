import type { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readDurationMs, type DurationSetting } from './readDurationMs';
import { readTenancy, Tenancy } from '@kratix-dynamodb/node';

export type StatusOptions = {
  /** How long a new object may go without status before that is a diagnosis. */
  graceMs: number;
  /** How long to wait for a cluster before its stages are reported unknown. */
  clusterTimeoutMs: number;
  livenessPath: string;
  readinessPath: string;
  /** Which namespaces belong to which owners: what makes an entity's link to an object trusted. */
  tenancy: Tenancy;
  /** The deadline of one health probe (the shared prober's, and a per-user read's). */
  probeTimeoutMs?: number;
};

const GRACE_PERIOD: DurationSetting = {
  key: 'kratixDynamodb.status.gracePeriod',
  deprecatedKey: 'kratixDynamodb.status.gracePeriodSeconds',
  deprecatedUnit: 'seconds',
  defaultMs: 60_000,
};
const CLUSTER_TIMEOUT: DurationSetting = {
  key: 'kratixDynamodb.status.clusterTimeout',
  deprecatedKey: 'kratixDynamodb.status.clusterTimeoutMs',
  deprecatedUnit: 'milliseconds',
  defaultMs: 5_000,
};
const PROBE_TIMEOUT: DurationSetting = {
  key: 'kratixDynamodb.health.timeout',
  deprecatedKey: 'kratixDynamodb.health.timeoutMs',
  deprecatedUnit: 'milliseconds',
  defaultMs: 3_000,
};
const PROBE_CACHE_TTL: DurationSetting = {
  key: 'kratixDynamodb.health.cacheTtl',
  deprecatedKey: 'kratixDynamodb.health.cacheMs',
  deprecatedUnit: 'milliseconds',
  defaultMs: 5_000,
};

/**
 * The status settings from app-config, with the defaults config.d.ts documents. The numeric
 * keys these durations replaced still work, with a deprecation warning.
 */
export function readStatusOptions(
  config: Config,
  logger: LoggerService,
): StatusOptions & { probeTimeoutMs: number; probeCacheMs: number } {
  const root = config.getOptionalConfig('kratixDynamodb');
  return {
    graceMs: readDurationMs(config, GRACE_PERIOD, logger),
    clusterTimeoutMs: readDurationMs(config, CLUSTER_TIMEOUT, logger),
    livenessPath: root?.getOptionalString('health.livenessPath') ?? '/health',
    readinessPath: root?.getOptionalString('health.readinessPath') ?? '/ready',
    probeTimeoutMs: readDurationMs(config, PROBE_TIMEOUT, logger),
    probeCacheMs: readDurationMs(config, PROBE_CACHE_TTL, logger),
    tenancy: readTenancy(config),
  };
}
