import type {
  AuthService,
  BackendPluginRegistrationPoints,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogClusterSupplier,
  KratixClustersService,
  KratixDynamoDBAuthStrategyExtensionPoint,
  kratixDynamoDBAuthStrategyExtensionPoint,
  KratixDynamoDBClusterSupplierExtensionPoint,
  kratixDynamoDBClusterSupplierExtensionPoint,
  readCatalogLocatorOptions,
} from '@kratix-dynamodb/node';

type AuthenticationStrategy = Parameters<
  KratixDynamoDBAuthStrategyExtensionPoint['addAuthStrategy']
>[1];
type KubernetesClustersSupplier = Parameters<
  KratixDynamoDBClusterSupplierExtensionPoint['addClusterSupplier']
>[0];

/** What backend modules added through the plugin's extension points, before the plugin starts. */
export type ClusterExtensions = {
  strategies: Array<[string, AuthenticationStrategy]>;
  suppliers: KubernetesClustersSupplier[];
};

/** Registers `kratix-dynamodb.auth-strategy` and `kratix-dynamodb.cluster-supplier`. */
export function registerClusterExtensionPoints(
  env: Pick<BackendPluginRegistrationPoints, 'registerExtensionPoint'>,
): ClusterExtensions {
  const extensions: ClusterExtensions = { strategies: [], suppliers: [] };
  env.registerExtensionPoint(kratixDynamoDBAuthStrategyExtensionPoint, {
    addAuthStrategy(key, strategy) {
      extensions.strategies.push([key, strategy]);
    },
  });
  env.registerExtensionPoint(kratixDynamoDBClusterSupplierExtensionPoint, {
    addClusterSupplier(supplier) {
      extensions.suppliers.push(supplier);
    },
  });
  return extensions;
}

/**
 * Hands what the modules added to the shared clusters service, with the `catalog` cluster
 * locator when the Kubernetes plugin's config has one, then ends registration: a configured
 * `authProvider` that no strategy serves fails the plugin's start here, naming the cluster.
 * Suppliers are asked with this plugin's own service credentials.
 */
export function handOverClusterExtensions(
  extensions: ClusterExtensions,
  deps: {
    clusters: KratixClustersService;
    catalog: CatalogService;
    auth: AuthService;
    config: Config;
    logger: LoggerService;
  },
): void {
  const { catalog, auth, config, logger } = deps;
  const registration = deps.clusters.registration;
  if (!registration) {
    if (extensions.strategies.length || extensions.suppliers.length)
      throw new Error(
        'kratix-dynamodb: the clusters service in use takes no auth strategies or cluster suppliers; install createKratixClustersServiceFactory()',
      );
    return;
  }
  for (const [key, strategy] of extensions.strategies)
    registration.addAuthStrategy(key, strategy);
  const suppliers = [...extensions.suppliers];
  const catalogLocator = readCatalogLocatorOptions(config);
  if (catalogLocator)
    suppliers.push(new CatalogClusterSupplier(catalog, catalogLocator, logger));
  for (const supplier of suppliers)
    registration.addClusterSource(async () =>
      supplier.getClusters({
        credentials: await auth.getOwnServiceCredentials(),
      }),
    );
  registration.completeRegistration();
}
