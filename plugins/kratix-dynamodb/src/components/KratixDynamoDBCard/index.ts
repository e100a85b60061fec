export { KratixDynamoDBCard } from './KratixDynamoDBCard';
export type { KratixDynamoDBCardProps } from './KratixDynamoDBCard';
