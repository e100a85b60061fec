/**
 * Cluster access for the kratix-dynamodb backend plugins: configuration, clients, discovery.
 * Shared by the status backend, the scaffolder module and the catalog module.
 *
 * @packageDocumentation
 */
export * from './clusterConfig';
export { ClusterClientFactory } from './ClusterClientFactory';
export { KubernetesClient } from './KubernetesClient';
export type {
  KubernetesClientOptions,
  KubernetesObject,
  KubernetesRequestOptions,
  ResolvedResource,
  WatchEvent,
} from './KubernetesClient';
export type { ClusterConnection } from './httpTransport';
export { apiNotInstalledMessage } from './apiNotInstalledMessage';
export { ClusterRefusedError } from './kubernetesErrors';
export type { KubernetesCause } from './kubernetesErrors';
export { ObjectInformer } from './informers/ObjectInformer';
export type {
  InformerChange,
  InformerCounters,
  InformerOptions,
  InformerState,
} from './informers/ObjectInformer';
export { ClusterInformers } from './informers/ClusterInformers';
export type { CacheLimits, CacheMode } from './informers/ClusterInformers';
export type { ObjectScope } from './informers/BoundedInformers';
export {
  DEFAULT_PAGE_SIZE,
  listInPages,
  type ListPage,
  type ListSelection,
} from './informers/listInPages';
export { ListExpiredError } from './kubernetesErrors';
export {
  createKratixClustersServiceFactory,
  kratixClustersServiceRef,
} from './kratixClustersService';
export type {
  ClusterRegistration,
  KratixClustersService,
  KratixClustersServiceFactoryOptions,
} from './kratixClustersService';
export type { AuthStrategies } from './auth/authStrategies';
export type {
  ClusterClientFactoryOptions,
  ClusterClientTuning,
} from './ClusterClientFactory';
export type { RequestCredentials } from './httpTransport';
export type { ClusterClientRequest } from './ClusterClientFactory';
export { ClusterRegistry } from './ClusterRegistry';
export type { ClusterSource } from './ClusterRegistry';
export {
  actsAsUser,
  USER_TOKEN_STRATEGIES,
  type UserTokenAuthStrategy,
} from './auth/userTokenStrategies';
export {
  CatalogClusterSupplier,
  readCatalogLocatorOptions,
  type CatalogEntitiesReader,
  type CatalogLocatorOptions,
} from './catalogClusters';
export {
  kratixDynamoDBAuthStrategyExtensionPoint,
  kratixDynamoDBClusterSupplierExtensionPoint,
  type KratixDynamoDBAuthStrategyExtensionPoint,
  type KratixDynamoDBClusterSupplierExtensionPoint,
} from './extensionPoints';
export { readTenancy, normalizeOwnerRef } from './tenancy/readTenancy';
export type { Tenancy } from './tenancy/readTenancy';
export { readTableNamePrefix } from './tenancy/readTableNamePrefix';
export { namespaceProblem, objectNameProblem } from './objectNames';
export {
  kratixDynamoDBNamespaceResourceRef,
  kratixDynamoDBCreateRules,
  kratixDynamoDBCreateConditions,
  createKratixDynamoDBCreateConditionalDecision,
  isCluster,
  namespaceMatches,
  isNamespaceOwner,
} from './permissions/createPermissionRules';
export type { KratixDynamoDBNamespaceResource } from './permissions/createPermissionRules';
export { decideCreate, describeCreateTarget } from './permissions/decideCreate';
export type { CreateDecision, CreateTarget } from './permissions/decideCreate';
