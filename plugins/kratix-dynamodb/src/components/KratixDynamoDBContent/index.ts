export { KratixDynamoDBContent } from './KratixDynamoDBContent';
