import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  AuthenticationStrategy,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';

/**
 * Adds an auth strategy by `authProvider` name (or replaces a built-in one), in the shape of
 * kubernetes-node's `kubernetes.auth-strategy`. A strategy with `actsAsUser: true` is given the
 * signed-in user's tokens and is never used by a shared watch.
 * @public
 */
export interface KratixDynamoDBAuthStrategyExtensionPoint {
  addAuthStrategy(key: string, strategy: AuthenticationStrategy): void;
}

/**
 * Adds clusters found at run time, in the shape of kubernetes-node's `kubernetes.cluster-supplier`.
 * Unlike there, a supplier adds to the configured clusters instead of replacing them; it is
 * asked with the kratix-dynamodb plugin's own service credentials.
 * @public
 */
export interface KratixDynamoDBClusterSupplierExtensionPoint {
  addClusterSupplier(supplier: KubernetesClustersSupplier): void;
}

/**
 * Extension points of the `kratix-dynamodb` backend plugin. They feed the shared clusters
 * service (a root service cannot have extension points of its own), so the scaffolder and
 * catalog modules see the same strategies and clusters. They need that plugin installed.
 * @public
 */
export const kratixDynamoDBAuthStrategyExtensionPoint =
  createExtensionPoint<KratixDynamoDBAuthStrategyExtensionPoint>({
    id: 'kratix-dynamodb.auth-strategy',
  });

/** @public See {@link kratixDynamoDBAuthStrategyExtensionPoint}. */
export const kratixDynamoDBClusterSupplierExtensionPoint =
  createExtensionPoint<KratixDynamoDBClusterSupplierExtensionPoint>({
    id: 'kratix-dynamodb.cluster-supplier',
  });
