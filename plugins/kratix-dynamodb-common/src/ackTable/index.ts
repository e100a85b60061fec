/** The ACK Table a DynamoDBRequest becomes: the workflow pipeline writes it, the wizard previews it. */
export type * from './types';
export {
  renderAckTable,
  renderAckTableSpec,
  buildAckTable,
  InvalidDynamoDBRequestError,
  TABLE_MANAGED_BY,
  type UncheckedDynamoDBRequest,
} from './renderAckTable';
