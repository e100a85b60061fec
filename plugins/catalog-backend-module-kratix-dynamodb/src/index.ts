/**
 * The kratix-dynamodb backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleKratixDynamoDB as default } from './module';
