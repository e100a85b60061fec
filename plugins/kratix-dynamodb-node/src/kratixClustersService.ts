import { Config } from '@backstage/config';
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { AuthStrategies } from './auth/authStrategies';
import { ClusterClientFactory } from './ClusterClientFactory';
import { CacheLimits, ClusterInformers } from './informers/ClusterInformers';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { readClusterConfigs } from './clusterConfig';
import { ClusterRegistry, ClusterSource } from './ClusterRegistry';
import { InformerOptions } from './informers/ObjectInformer';
import { shareInformersForTenancy } from './tenancy/readTenancy';

/** `kratixDynamodb.watch`: how the informers notice a dead watch and retry. */
function readInformerOptions(config: Config): InformerOptions {
  const watch = config.getOptionalConfig('kratixDynamodb.watch');
  const ms = (key: string) =>
    watch?.has(key)
      ? durationToMilliseconds(readDurationFromConfig(watch, { key }))
      : undefined;
  return { idleTimeoutMs: ms('idleTimeout'), maxBackoffMs: ms('maxBackoff') };
}

/** `kratixDynamodb.cache`: when a kind is too large to cache whole, and the bounded mode's size. */
function readCacheLimits(config: Config): CacheLimits {
  const cache = config.getOptionalConfig('kratixDynamodb.cache');
  return {
    fullCacheLimit: cache?.getOptionalNumber('fullCacheLimit'),
    maxBoundedWatches: cache?.getOptionalNumber('boundedWatches'),
  };
}

/**
 * The clusters of one backend: their clients and their informers. Root-scoped, so the status
 * route, the scaffolder module and the catalog module share one client and one watch per
 * cluster and kind, however many of them are installed.
 * @public
 */
export interface KratixClustersService {
  clients: ClusterClientFactory;
  informers: ClusterInformers;
  /**
   * What the kratix-dynamodb backend plugin's extension points collect, handed over while the
   * backend starts; `completeRegistration` then checks every configured cluster's provider.
   * Absent from a service made by hand (tests), which then takes no extensions.
   */
  registration?: ClusterRegistration;
}

/** @public */
export interface ClusterRegistration {
  addAuthStrategy(name: string, strategy: AuthenticationStrategy): void;
  addClusterSource(source: ClusterSource): void;
  /** Throws, naming the cluster and value, for a configured `authProvider` nobody supplied. */
  completeRegistration(): void;
}

/** @public */
export const kratixClustersServiceRef = createServiceRef<KratixClustersService>(
  {
    id: 'kratix-dynamodb.clusters',
    scope: 'root',
    defaultFactory: async () => createKratixClustersServiceFactory(),
  },
);

/** @public */
export type KratixClustersServiceFactoryOptions = {
  /**
   * Auth strategies by `authProvider` name, beside the built-in ones (or replacing one), in the
   * shape of the Kubernetes plugin's `AuthenticationStrategy`.
   */
  authStrategies?: AuthStrategies;
};

/**
 * The factory of the clusters service. The default one reads the app's config; an adopter who
 * needs another auth strategy adds this one instead:
 * `backend.add(createKratixClustersServiceFactory({ authStrategies: { vault: new VaultStrategy() } }))`.
 * @public
 */
export function createKratixClustersServiceFactory(
  options: KratixClustersServiceFactoryOptions = {},
): ServiceFactory<KratixClustersService, 'root', 'singleton'> {
  return createServiceFactory({
    service: kratixClustersServiceRef,
    deps: {
      config: coreServices.rootConfig,
      logger: coreServices.rootLogger,
      lifecycle: coreServices.rootLifecycle,
    },
    factory({ config, logger, lifecycle }) {
      const pluginLogger = logger.child({ plugin: 'kratix-dynamodb' });
      const registry = new ClusterRegistry(readClusterConfigs(config), {
        authStrategies: options.authStrategies,
        logger: pluginLogger,
        openForRegistration: true,
      });
      const clients = ClusterClientFactory.fromConfig(config, {
        registry,
        logger: pluginLogger,
      });
      // Without the kratix-dynamodb backend plugin nobody ends registration: end it once every
      // plugin has started. A provider nobody supplied then fails each call to its cluster.
      lifecycle.addStartupHook(() => {
        try {
          registry.completeRegistration();
        } catch (e) {
          pluginLogger.error((e as Error).message);
        }
      });
      const informers = new ClusterInformers(
        clients,
        pluginLogger,
        readInformerOptions(config),
        readCacheLimits(config),
      );
      lifecycle.addShutdownHook(() => informers.stopAll());
      shareInformersForTenancy(config, informers);
      return {
        clients,
        informers,
        registration: {
          addAuthStrategy: (name, strategy) =>
            registry.addAuthStrategy(name, strategy),
          addClusterSource: source => registry.addClusterSource(source),
          completeRegistration: () => registry.completeRegistration(),
        },
      };
    },
  });
}
