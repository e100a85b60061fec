/** The DynamoDBRequest spec: its types, constants, schema and validation. */
export * from './types';
export * from './constants';
export * from './awsRegions';
export { suggestAwsRegion } from './suggestAwsRegion';
export { dynamoDBRequestSpecShape } from './schema';
export {
  validateDynamoDBRequestSpec,
  describeValidationErrors,
} from './validateDynamoDBRequestSpec';
export { formatFieldPath, type PathSegment } from './fieldPath';
export { buildDynamoDBRequest } from './buildDynamoDBRequest';
