export { RequestKindRegistry } from './RequestKindRegistry';
export type { RequestKindHandler } from './RequestKindRegistry';
import { RequestKindRegistry } from './RequestKindRegistry';
import { dynamoDBRequestKind } from './dynamoDBRequestKind';

/** The kinds this module knows: DynamoDBRequest. */
export function defaultRequestKinds(): RequestKindRegistry {
  return new RequestKindRegistry().register(dynamoDBRequestKind);
}
