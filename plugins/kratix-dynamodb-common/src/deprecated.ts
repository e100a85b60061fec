// The permissions below were published with the product name spelled "Dynamodb". The package
// now spells it as AWS does ("DynamoDB"); these aliases keep existing imports compiling until
// the next breaking release. The permission names themselves never changed.
import {
  kratixDynamoDBObjectsReadPermission,
  kratixDynamoDBRequestCreatePermission,
  kratixDynamoDBStatusReadPermission,
} from './permissions';

/**
 * @public
 * @deprecated Use {@link kratixDynamoDBRequestCreatePermission} instead.
 */
export const kratixDynamodbRequestCreatePermission =
  kratixDynamoDBRequestCreatePermission;

/**
 * @public
 * @deprecated Use {@link kratixDynamoDBStatusReadPermission} instead.
 */
export const kratixDynamodbStatusReadPermission =
  kratixDynamoDBStatusReadPermission;

/**
 * @public
 * @deprecated Use {@link kratixDynamoDBObjectsReadPermission} instead.
 */
export const kratixDynamodbObjectsReadPermission =
  kratixDynamoDBObjectsReadPermission;
