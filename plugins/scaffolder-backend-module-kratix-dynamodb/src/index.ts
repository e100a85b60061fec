/**
 * The kratix-dynamodb backend module for the scaffolder plugin.
 *
 * @packageDocumentation
 */

export { scaffolderModuleKratixDynamoDB as default } from './module';
