/***/
/**
 * The kratix-dynamodb backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleKratixDynamodb as default } from './module';
