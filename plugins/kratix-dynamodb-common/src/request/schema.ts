/**
 * The shape of a DynamoDBRequest spec: which fields exist, their types, and the rules a
 * single value must follow. Rules that compare values (keys against definitions, billing
 * mode against throughput) and list lengths live in rules/, because zod skips an array's
 * own checks once an element has failed, and every error must be reported at once.
 */
import { z } from 'zod';
import {
  ATTRIBUTE_TYPES,
  AWS_RESERVED_TAG_PREFIX,
  AWS_TAG_PATTERN,
  BILLING_MODES,
  DEFAULT_DELETION_POLICY,
  DELETION_POLICIES,
  DYNAMODB_LIMITS as LIMITS,
  DYNAMODB_NAME_PATTERN,
  KEY_TYPES,
  PROJECTION_TYPES,
} from './constants';
import { AWS_REGION_CODES } from './awsRegions';
import { suggestAwsRegion } from './suggestAwsRegion';

type IssueInput = { code?: string; input?: unknown };

/** Says "is required" for a missing field and "must be" for a wrong one, then what is allowed. */
function expected(what: string) {
  return {
    error: (issue: IssueInput) =>
      issue.input === undefined ? `is required: ${what}` : `must be ${what}`,
  };
}

/** An object that refuses unknown fields, so a typo is reported instead of dropped. */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  const allowed = `allowed fields: ${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, {
    error: (issue: IssueInput) => {
      if (issue.code === 'unrecognized_keys') return allowed;
      return issue.input === undefined
        ? `is required: ${what}`
        : `must be ${what}`;
    },
  });
}

const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;

const NAME_RULE = `${LIMITS.nameMinLength}-${LIMITS.nameMaxLength} characters, each a letter, digit, '_', '.' or '-'`;

function dynamoDBName(whose: string) {
  const message = `must be ${NAME_RULE} (DynamoDB's rule for ${whose})`;
  return z
    .string(expected(`a string of ${NAME_RULE}`))
    .min(LIMITS.nameMinLength, message)
    .max(LIMITS.nameMaxLength, message)
    .regex(DYNAMODB_NAME_PATTERN, message);
}

// TextEncoder exists in browsers and Node alike, which keeps this module isomorphic.
const utf8Length = (value: string) => new TextEncoder().encode(value).length;

const attributeName = z
  .string(
    expected(`an attribute name (1-${LIMITS.attributeNameMaxBytes} bytes)`),
  )
  .min(1, 'must not be empty: give the attribute name')
  .refine(value => utf8Length(value) <= LIMITS.attributeNameMaxBytes, {
    message: `must be at most ${LIMITS.attributeNameMaxBytes} bytes long (UTF-8)`,
  });

const region = z
  .string(expected('an AWS region code such as us-east-1'))
  .refine(value => AWS_REGION_CODES.includes(value), {
    error: (issue: IssueInput) => {
      const suggestion = suggestAwsRegion(String(issue.input));
      const hint = suggestion ? `; did you mean ${suggestion}?` : '';
      return `must be an AWS region code such as us-east-1 or eu-west-1${hint}`;
    },
  });

const attributeDefinition = strictObject(
  {
    name: attributeName,
    type: z.enum(
      ATTRIBUTE_TYPES,
      expected(`${oneOf(ATTRIBUTE_TYPES)} (string, number, binary)`),
    ),
  },
  'an attribute definition {name, type}',
);

const keySchemaElement = strictObject(
  {
    attributeName,
    keyType: z.enum(
      KEY_TYPES,
      expected(`${oneOf(KEY_TYPES)} (partition key, then sort key)`),
    ),
  },
  'a key {attributeName, keyType}',
);

const keySchema = z.array(
  keySchemaElement,
  expected('a list of one HASH key, optionally followed by one RANGE key'),
);

function capacityUnits(kind: 'read' | 'write') {
  const rule = `a whole number of ${kind} capacity units, at least ${LIMITS.capacityUnitsMin}`;
  return z
    .number(expected(rule))
    .int(`must be ${rule}`)
    .min(LIMITS.capacityUnitsMin, `must be ${rule}`);
}

const provisionedThroughput = strictObject(
  {
    readCapacityUnits: capacityUnits('read'),
    writeCapacityUnits: capacityUnits('write'),
  },
  '{readCapacityUnits, writeCapacityUnits}',
);

const projection = strictObject(
  {
    projectionType: z.enum(PROJECTION_TYPES, expected(oneOf(PROJECTION_TYPES))),
    nonKeyAttributes: z
      .array(attributeName, expected('a list of attribute names'))
      .optional(),
  },
  '{projectionType, nonKeyAttributes}',
);

const globalSecondaryIndex = strictObject(
  {
    indexName: dynamoDBName('index names'),
    keySchema,
    projection,
    provisionedThroughput: provisionedThroughput.optional(),
  },
  'an index {indexName, keySchema, projection, provisionedThroughput}',
);

const timeToLive = strictObject(
  {
    attributeName,
    enabled: z.boolean(expected('true or false')),
  },
  '{attributeName, enabled}',
);

const TAG_CHARACTERS = 'letters, digits, spaces and _ . : / = + - @';

const tagKey = z
  .string()
  .min(1, 'must not be empty')
  .max(
    LIMITS.tagKeyMaxLength,
    `must be at most ${LIMITS.tagKeyMaxLength} characters`,
  )
  .regex(AWS_TAG_PATTERN, `may only hold ${TAG_CHARACTERS}`)
  .refine(key => !key.toLowerCase().startsWith(AWS_RESERVED_TAG_PREFIX), {
    message: `must not start with '${AWS_RESERVED_TAG_PREFIX}': AWS reserves that prefix`,
  });

const tagValue = z
  .string(
    expected(
      `a string (quote numbers and booleans in YAML) of at most ${LIMITS.tagValueMaxLength} characters`,
    ),
  )
  .max(
    LIMITS.tagValueMaxLength,
    `must be at most ${LIMITS.tagValueMaxLength} characters`,
  )
  .regex(AWS_TAG_PATTERN, `may only hold ${TAG_CHARACTERS}`);

/**
 * The zod schema of a DynamoDBRequest spec, shape rules only. Use
 * validateDynamoDBRequestSpec, which adds AWS's cross-field rules.
 * @public
 */
export const dynamoDBRequestSpecShape = strictObject(
  {
    name: dynamoDBName('table names'),
    region,
    billingMode: z.enum(BILLING_MODES, expected(oneOf(BILLING_MODES))),
    attributeDefinitions: z.array(
      attributeDefinition,
      expected('a list of the attributes the keys use: {name, type}'),
    ),
    keySchema,
    provisionedThroughput: provisionedThroughput.optional(),
    globalSecondaryIndexes: z
      .array(
        globalSecondaryIndex,
        expected('a list of global secondary indexes'),
      )
      .optional(),
    timeToLive: timeToLive.optional(),
    tags: z
      .record(tagKey, tagValue, expected('a map of tag key to tag value'))
      .optional(),
    deletionPolicy: z
      .enum(
        DELETION_POLICIES,
        expected(
          `${oneOf(DELETION_POLICIES)} (default ${DEFAULT_DELETION_POLICY})`,
        ),
      )
      .default(DEFAULT_DELETION_POLICY),
  },
  'the request spec, an object',
);
