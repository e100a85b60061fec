// The names below were published with the product name spelled "Dynamodb". The package now
// spells it as AWS does ("DynamoDB"); these aliases keep existing imports compiling until the
// next breaking release.
import { kratixDynamoDBPlugin } from './plugin';
import { kratixDynamoDBApiRef } from './api/KratixDynamoDBApi';
import type { KratixDynamoDBApi } from './api/KratixDynamoDBApi';
import { KratixDynamoDBClient } from './api/KratixDynamoDBClient';

/**
 * @public
 * @deprecated Use {@link kratixDynamoDBPlugin} instead.
 */
export const kratixDynamodbPlugin = kratixDynamoDBPlugin;

/**
 * @public
 * @deprecated Use {@link kratixDynamoDBApiRef} instead.
 */
export const kratixDynamodbApiRef = kratixDynamoDBApiRef;

/**
 * @public
 * @deprecated Use {@link KratixDynamoDBApi} instead.
 */
export type KratixDynamodbApi = KratixDynamoDBApi;

/**
 * @public
 * @deprecated Use {@link KratixDynamoDBClient} instead.
 */
export const KratixDynamodbClient = KratixDynamoDBClient;

/**
 * @public
 * @deprecated Use {@link KratixDynamoDBClient} instead.
 */
// A class is a value and a type; the alias must be both, so the type merges with the const.
// eslint-disable-next-line @typescript-eslint/no-redeclare
export type KratixDynamodbClient = KratixDynamoDBClient;
