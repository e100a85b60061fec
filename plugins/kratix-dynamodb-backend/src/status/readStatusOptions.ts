import { Config } from '@backstage/config';
import { readTenancy, Tenancy } from './linkTrust';

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

/** The status settings from app-config, with the defaults config.d.ts documents. */
export function readStatusOptions(
  config: Config,
): StatusOptions & { probeTimeoutMs: number; probeCacheMs: number } {
  const root = config.getOptionalConfig('kratixDynamodb');
  return {
    graceMs:
      (root?.getOptionalNumber('status.gracePeriodSeconds') ?? 60) * 1000,
    clusterTimeoutMs:
      root?.getOptionalNumber('status.clusterTimeoutMs') ?? 5000,
    livenessPath: root?.getOptionalString('health.livenessPath') ?? '/health',
    readinessPath: root?.getOptionalString('health.readinessPath') ?? '/ready',
    probeTimeoutMs: root?.getOptionalNumber('health.timeoutMs') ?? 3000,
    probeCacheMs: root?.getOptionalNumber('health.cacheMs') ?? 5000,
    tenancy: readTenancy(config),
  };
}
