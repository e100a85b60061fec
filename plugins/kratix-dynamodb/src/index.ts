/**
 * The kratix-dynamodb frontend plugin: the status-chain card for catalog entities, and the
 * wizard's field extensions.
 * This entry point serves the legacy frontend system; `/alpha` serves the new one.
 *
 * @packageDocumentation
 */
export {
  kratixDynamodbPlugin,
  EntityKratixDynamoDBCard,
  EntityKratixDynamoDBContent,
} from './plugin';
export { isKratixDynamoDBAvailable } from './isKratixDynamoDBAvailable';
export { kratixDynamodbApiRef } from './api/KratixDynamodbApi';
export type { KratixDynamodbApi } from './api/KratixDynamodbApi';
export { KratixDynamodbClient } from './api/KratixDynamodbClient';
export type { KratixDynamoDBCardProps } from './components/KratixDynamoDBCard';
export {
  DynamoDBTableDesignerFieldExtension,
  KratixClusterPickerFieldExtension,
  KubernetesNamespacePickerFieldExtension,
} from './scaffolder/legacyFieldExtensions';
export { kratixClustersApiRef } from './api/KratixClustersApi';
export type { KratixClustersApi } from './api/KratixClustersApi';
export { KratixClustersClient } from './api/KratixClustersClient';
export type { KubernetesNamespacePickerUiOptions } from './components/pickers';
export {
  DynamoDBTableDesigner,
  DEFAULT_TABLE_DESIGN,
} from './components/DynamoDBTableDesigner';
export type {
  TableDesign,
  DynamoDBTableDesignerUiOptions,
} from './components/DynamoDBTableDesigner';
