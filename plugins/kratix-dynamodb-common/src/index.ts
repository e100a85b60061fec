/**
 * The request model, API constants, status-chain types and permissions shared by the
 * kratix-dynamodb plugins. Isomorphic: nothing here may import Node or React.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './entityRefs';
export * from './permissions';
export * from './status';
export * from './conditions';
export * from './request';
export * from './promiseForm';
export * from './statusSignals';
export * from './ackTable';
export * from './refusedNamespaces';
export * from './kubernetesUserAuth';
export * from './dryRun';
export * from './deprecated';
export * from './tableNamePrefix';
export * from './manifestYaml';
