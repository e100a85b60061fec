/**
 * The kratix-dynamodb backend plugin.
 *
 * @packageDocumentation
 */
export { kratixDynamoDBPlugin as default } from './plugin';
export type {
  StatusChainReadOptions,
  StatusChainService,
} from './services/StatusChainService';
