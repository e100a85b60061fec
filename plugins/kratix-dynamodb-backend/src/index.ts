/**
 * The kratix-dynamodb backend plugin.
 *
 * @packageDocumentation
 */
export { kratixDynamoDBPlugin as default } from './plugin';
export type { StatusChainService } from './services/StatusChainService';
