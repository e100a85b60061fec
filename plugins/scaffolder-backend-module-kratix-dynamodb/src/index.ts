/***/
/**
 * The kratix-dynamodb backend module for the scaffolder plugin.
 *
 * @packageDocumentation
 */

export { scaffolderModuleKratixDynamodb as default } from './module';
