/**
 * The kratix-dynamodb frontend plugin: the status-chain card for catalog entities.
 * This entry point serves the legacy frontend system; `/alpha` serves the new one.
 *
 * @packageDocumentation
 */
export { kratixDynamodbPlugin, EntityKratixDynamoDBCard, EntityKratixDynamoDBContent } from './plugin';
export { isKratixDynamoDBAvailable } from './isKratixDynamoDBAvailable';
export { kratixDynamodbApiRef } from './api/KratixDynamodbApi';
export type { KratixDynamodbApi } from './api/KratixDynamodbApi';
export { KratixDynamodbClient } from './api/KratixDynamodbClient';
export type { KratixDynamoDBCardProps } from './components/KratixDynamoDBCard';
