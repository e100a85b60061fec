/**
 * The kratix-dynamodb frontend plugin: the status-chain card for catalog entities, and the
 * wizard's field extensions.
 * This entry point serves the legacy frontend system; `/alpha` serves the new one.
 *
 * @packageDocumentation
 */
export {
  kratixDynamoDBPlugin,
  EntityKratixDynamoDBCard,
  EntityKratixDynamoDBContent,
} from './plugin';
export { isKratixDynamoDBAvailable } from './isKratixDynamoDBAvailable';
export { kratixDynamoDBApiRef } from './api/KratixDynamoDBApi';
export type { KratixDynamoDBApi } from './api/KratixDynamoDBApi';
export { KratixDynamoDBClient } from './api/KratixDynamoDBClient';
export type { KratixDynamoDBCardProps } from './components/KratixDynamoDBCard';
export {
  DynamoDBTableDesignerFieldExtension,
  KratixClusterPickerFieldExtension,
  KubernetesNamespacePickerFieldExtension,
  KratixDryRunFieldExtension,
} from './scaffolder/legacyFieldExtensions';
export { kratixClustersApiRef } from './api/KratixClustersApi';
export type { KratixClustersApi } from './api/KratixClustersApi';
export { KratixClustersClient } from './api/KratixClustersClient';
export { kratixUserTokensApiRef } from './api/KratixUserTokensApi';
export type { KratixUserTokensApi } from './api/KratixUserTokensApi';
export { KratixUserTokensClient } from './api/KratixUserTokensClient';
export type { KratixUserTokensAuthApis } from './api/KratixUserTokensClient';
export type { KubernetesNamespacePickerUiOptions } from './components/pickers';
export { KratixDryRun } from './components/KratixDryRun';
export type { KratixDryRunUiOptions } from './components/KratixDryRun';
export {
  DynamoDBTableDesigner,
  DEFAULT_TABLE_DESIGN,
} from './components/DynamoDBTableDesigner';
export type {
  TableDesign,
  DynamoDBTableDesignerUiOptions,
} from './components/DynamoDBTableDesigner';
export {
  kratixDynamodbPlugin,
  kratixDynamodbApiRef,
  KratixDynamodbClient,
} from './deprecated';
export type { KratixDynamodbApi } from './deprecated';
