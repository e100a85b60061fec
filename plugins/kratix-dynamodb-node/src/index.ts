/**
 * Cluster access for the kratix-dynamodb backend plugins: configuration, clients, discovery.
 * Shared by the status backend, the scaffolder module and the catalog module.
 *
 * @packageDocumentation
 */
export * from './clusterConfig';
