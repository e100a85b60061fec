/**
 * The closed sets of values and the AWS limits that a DynamoDBRequest is checked against.
 * The CRD schema in examples/kratix-promise/promise.yaml repeats these, and a test keeps
 * the two in step.
 */

/** @public How AWS charges for the table's reads and writes. */
export const BILLING_MODES = ['PAY_PER_REQUEST', 'PROVISIONED'] as const;

/** @public DynamoDB's scalar types, the only ones a key attribute may have. */
export const ATTRIBUTE_TYPES = ['S', 'N', 'B'] as const;

/** @public HASH is the partition key; RANGE, the optional sort key, follows it. */
export const KEY_TYPES = ['HASH', 'RANGE'] as const;

/** @public Which attributes a global secondary index copies from the table. */
export const PROJECTION_TYPES = ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const;

/** @public What happens to the AWS table when the request is deleted. */
export const DELETION_POLICIES = ['retain', 'delete'] as const;

/** @public Tables keep their data unless the requester explicitly asks otherwise. */
export const DEFAULT_DELETION_POLICY = 'retain';

/**
 * AWS's published limits, as the request validation applies them.
 * @public
 */
export const DYNAMODB_LIMITS = {
  /** Table and index names: 3 to 255 characters of letters, digits, `_`, `.` and `-`. */
  nameMinLength: 3,
  nameMaxLength: 255,
  /** Attribute names: 1 to 255 bytes of UTF-8 (AWS counts bytes, not characters). */
  attributeNameMaxBytes: 255,
  /** A key schema has a HASH key and at most one RANGE key. */
  keySchemaMaxLength: 2,
  /** Global secondary indexes per table (AWS's default quota). */
  globalSecondaryIndexesMax: 20,
  /** Non-key attributes projected with INCLUDE: per index, and summed over every index. */
  nonKeyAttributesPerIndexMax: 20,
  nonKeyAttributesTotalMax: 100,
  /** Provisioned read or write capacity units: at least 1. */
  capacityUnitsMin: 1,
  /** Tags per table, and the lengths of a tag's key and value. */
  tagsMax: 50,
  tagKeyMaxLength: 128,
  tagValueMaxLength: 256,
} as const;

/** @public Table and index names, as DynamoDB accepts them. */
export const DYNAMODB_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

/**
 * Characters AWS allows in tag keys and values: letters, digits and spaces in any script,
 * and `_ . : / = + - @`.
 * @public
 */
export const AWS_TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** @public AWS reserves this tag key prefix, in any letter case, for its own tags. */
export const AWS_RESERVED_TAG_PREFIX = 'aws:';
