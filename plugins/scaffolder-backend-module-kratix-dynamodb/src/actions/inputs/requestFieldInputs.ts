/**
 * The DynamoDBRequest fields as action inputs. Only types are declared here: the request
 * model in @kratix-dynamodb/common owns every rule, and the handler runs it so that all
 * problems come back in one list. Nested objects pass unknown fields through for the same
 * reason: the model names a typo instead of the scaffolder dropping or refusing it early.
 */
import {
  ATTRIBUTE_TYPES,
  BILLING_MODES,
  DEFAULT_DELETION_POLICY,
  DELETION_POLICIES,
  KEY_TYPES,
  PROJECTION_TYPES,
} from '@kratix-dynamodb/common';
import type { InputOf, Z } from './inputTypes';

const oneOf = (values: readonly string[]) => values.join(' or ');

const keySchema = (z: Z) =>
  z.array(
    z
      .object({
        attributeName: z.string(),
        keyType: z.string({ description: oneOf(KEY_TYPES) }),
      })
      .passthrough(),
    { description: 'One HASH key, optionally followed by one RANGE key' },
  );

const throughput = (z: Z) =>
  z
    .object({ readCapacityUnits: z.number(), writeCapacityUnits: z.number() })
    .passthrough();

/** The request fields, keyed as the action takes them (the table's name is `tableName`). */
export const requestFieldInputs = {
  tableName: (z: Z) =>
    z.string({
      description: 'The DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)',
    }),
  region: (z: Z) =>
    z
      .string({
        description:
          'The AWS region code. Default: kratixDynamodb.defaults.region',
      })
      .optional(),
  billingMode: (z: Z) => z.string({ description: oneOf(BILLING_MODES) }),
  attributeDefinitions: (z: Z) =>
    z.array(
      z
        .object({
          name: z.string(),
          type: z.string({ description: oneOf(ATTRIBUTE_TYPES) }),
        })
        .passthrough(),
      {
        description:
          'The attributes that the table and index keys use, and no others',
      },
    ),
  keySchema,
  provisionedThroughput: (z: Z) =>
    throughput(z)
      .describe(
        'Required with PROVISIONED billing, refused with PAY_PER_REQUEST',
      )
      .optional(),
  globalSecondaryIndexes: (z: Z) =>
    z
      .array(
        z
          .object({
            indexName: z.string(),
            keySchema: keySchema(z),
            projection: z
              .object({
                projectionType: z.string({
                  description: oneOf(PROJECTION_TYPES),
                }),
                nonKeyAttributes: z.array(z.string()).optional(),
              })
              .passthrough(),
            provisionedThroughput: throughput(z).optional(),
          })
          .passthrough(),
      )
      .optional(),
  timeToLive: (z: Z) =>
    z
      .object({
        attributeName: z.string().optional(),
        enabled: z.boolean().optional(),
      })
      .passthrough()
      .describe(
        "The Number attribute that holds each item's expiry in epoch seconds",
      )
      .optional(),
  tags: (z: Z) =>
    z.record(z.string()).describe('Tag key to tag value').optional(),
  deletionPolicy: (z: Z) =>
    z
      .string({
        description: `${oneOf(
          DELETION_POLICIES,
        )}. Default: kratixDynamodb.defaults.deletionPolicy, else ${DEFAULT_DELETION_POLICY}`,
      })
      .optional(),
};

/**
 * The request fields as the handler receives them: shaped by the schemas above, but not yet
 * checked by the model.
 */
export type RequestFieldInput = InputOf<typeof requestFieldInputs>;

/** The same fields as one nested object, for the KubeVela action's `table` section. */
export function requestFieldsObject(z: Z) {
  const shape = Object.fromEntries(
    Object.entries(requestFieldInputs).map(([key, field]) => [key, field(z)]),
  ) as {
    [K in keyof typeof requestFieldInputs]: ReturnType<
      (typeof requestFieldInputs)[K]
    >;
  };
  return shape;
}
