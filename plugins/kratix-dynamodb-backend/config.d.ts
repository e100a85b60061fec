import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The keys the status backend reads. The clusters, watches and tenancy it shares with the
   * other packages are declared by @kratix-dynamodb/node.
   */
  kratixDynamodb?: {
    /** How the status backend reads the clusters. */
    status?: {
      /**
       * How long a new object may go without a status from its controller before the card
       * calls that a fault. Default: 60 seconds.
       */
      gracePeriod?: HumanDuration | string;
      /**
       * How long to wait for a cluster before its stages show as unknown. Default: 5 seconds.
       */
      clusterTimeout?: HumanDuration | string;
      /** @deprecated Use `gracePeriod`, e.g. `{ seconds: 60 }`. */
      gracePeriodSeconds?: number;
      /** @deprecated Use `clusterTimeout`, e.g. `{ seconds: 5 }`. */
      clusterTimeoutMs?: number;
    };
    /** How the backend probes the application's service, through the cluster's service proxy. */
    health?: {
      /** Path of the liveness endpoint. Default: /health. */
      livenessPath?: string;
      /** Path of the readiness endpoint. Default: /ready. */
      readinessPath?: string;
      /** The deadline of one probe. Default: 3 seconds. */
      timeout?: HumanDuration | string;
      /** How long a probe result is reused. Default: 5 seconds. */
      cacheTtl?: HumanDuration | string;
      /** @deprecated Use `timeout`, e.g. `{ seconds: 3 }`. */
      timeoutMs?: number;
      /** @deprecated Use `cacheTtl`, e.g. `{ seconds: 5 }`. */
      cacheMs?: number;
    };
    /**
     * The wizard's cluster and namespace pickers leave out the namespaces the scaffolder
     * module refuses, so this plugin reads the same list (declared by the module as well).
     */
    scaffolder?: {
      /**
       * Namespaces where nothing may be created: names, or prefixes ending in `*`.
       * Default: kube-*, kratix-platform-system, kratix-worker-system, ack-system, vela-system.
       */
      refusedNamespaces?: string[];
    };
  };
}
