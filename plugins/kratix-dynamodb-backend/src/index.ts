/**
 * The kratix-dynamodb backend plugin.
 *
 * @packageDocumentation
 */
export { kratixDynamodbPlugin as default } from './plugin';
export type { StatusChainService } from './services/StatusChainService';
