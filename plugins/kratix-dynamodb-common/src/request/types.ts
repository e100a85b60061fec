/**
 * The DynamoDBRequest (dynamodb.kratix.io/v1alpha1) as the plugins, the workflow and the
 * KubeVela component see it. The zod schema in schema.ts produces exactly these types.
 */
import type {
  ATTRIBUTE_TYPES,
  BILLING_MODES,
  DELETION_POLICIES,
  KEY_TYPES,
  PROJECTION_TYPES,
} from './constants';

/** @public */
export type BillingMode = (typeof BILLING_MODES)[number];
/** @public */
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
/** @public */
export type KeyType = (typeof KEY_TYPES)[number];
/** @public */
export type ProjectionType = (typeof PROJECTION_TYPES)[number];
/** @public */
export type DeletionPolicy = (typeof DELETION_POLICIES)[number];

/** @public An attribute that a key of the table or of an index uses. */
export type AttributeDefinition = { name: string; type: AttributeType };

/** @public */
export type KeySchemaElement = { attributeName: string; keyType: KeyType };

/** @public */
export type ProvisionedThroughput = {
  readCapacityUnits: number;
  writeCapacityUnits: number;
};

/** @public */
export type Projection = {
  projectionType: ProjectionType;
  /** Only with INCLUDE: the non-key attributes copied into the index. */
  nonKeyAttributes?: string[];
};

/** @public */
export type GlobalSecondaryIndex = {
  indexName: string;
  keySchema: KeySchemaElement[];
  projection: Projection;
  /** Required when the table is PROVISIONED, forbidden when it is PAY_PER_REQUEST. */
  provisionedThroughput?: ProvisionedThroughput;
};

/** @public */
export type TimeToLive = { attributeName: string; enabled: boolean };

/** @public A validated request spec, with its defaults applied. */
export type DynamoDBRequestSpec = {
  /** The DynamoDB table name. */
  name: string;
  region: string;
  billingMode: BillingMode;
  attributeDefinitions: AttributeDefinition[];
  keySchema: KeySchemaElement[];
  /** Required when PROVISIONED, forbidden when PAY_PER_REQUEST. */
  provisionedThroughput?: ProvisionedThroughput;
  globalSecondaryIndexes?: GlobalSecondaryIndex[];
  timeToLive?: TimeToLive;
  /** Tag key to tag value. */
  tags?: Record<string, string>;
  deletionPolicy: DeletionPolicy;
};

/** @public A request spec as a user writes it: the defaulted fields may be left out. */
export type DynamoDBRequestSpecInput = Omit<
  DynamoDBRequestSpec,
  'deletionPolicy'
> & {
  deletionPolicy?: DeletionPolicy;
};

/** @public The DynamoDBRequest object on the cluster. */
export type DynamoDBRequest = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: DynamoDBRequestSpecInput;
  status?: Record<string, unknown>;
};

/**
 * One problem with a request. `path` is relative to the spec, e.g. `keySchema[1].keyType`;
 * it is empty when the spec as a whole is wrong.
 * @public
 */
export type DynamoDBRequestValidationError = { path: string; message: string };

/** @public Either the spec with its defaults, or every problem found in it. */
export type DynamoDBRequestValidationResult =
  | { valid: true; spec: DynamoDBRequestSpec }
  | { valid: false; errors: DynamoDBRequestValidationError[] };
