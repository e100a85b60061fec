/**
 * One case per rule of a single field. Each case breaks exactly that rule in a valid spec and
 * expects exactly the listed errors, so removing the rule (or loosening it) fails its case.
 */
import type { z } from 'zod';
import { validateDynamoDBRequestSpec } from './validateDynamoDBRequestSpec';
import type { dynamoDBRequestSpecShape } from './schema';
import type { DynamoDBRequestSpecInput } from './types';
import {
  anOnDemandSpec,
  aProvisionedSpec,
  errorsOf,
  expectOnlyErrors,
  type LooseSpec,
} from './__testUtils__/testSpecs';

type Case = [
  rule: string,
  base: () => DynamoDBRequestSpecInput,
  breakIt: (spec: LooseSpec) => void,
  expected: { path: string; says: string }[],
];

const onDemand = anOnDemandSpec;
const provisioned = aProvisionedSpec;

const cases: Case[] = [
  [
    'name is required',
    onDemand,
    s => delete s.name,
    [{ path: 'name', says: 'is required' }],
  ],
  [
    'name has at least 3 characters',
    onDemand,
    s => (s.name = 'ab'),
    [{ path: 'name', says: '3-255 characters' }],
  ],
  [
    'name has at most 255 characters',
    onDemand,
    s => (s.name = 'a'.repeat(256)),
    [{ path: 'name', says: '3-255 characters' }],
  ],
  [
    'name uses only DynamoDB characters',
    onDemand,
    s => (s.name = 'my table'),
    [{ path: 'name', says: "a letter, digit, '_', '.' or '-'" }],
  ],
  [
    'region is required',
    onDemand,
    s => delete s.region,
    [{ path: 'region', says: 'is required' }],
  ],
  [
    'region is an AWS region',
    onDemand,
    s => (s.region = 'moon-base-1'),
    [{ path: 'region', says: 'AWS region code' }],
  ],
  [
    'billingMode is required',
    onDemand,
    s => delete s.billingMode,
    [{ path: 'billingMode', says: 'PAY_PER_REQUEST, PROVISIONED' }],
  ],
  [
    'billingMode is a known mode',
    onDemand,
    s => (s.billingMode = 'ON_DEMAND'),
    [{ path: 'billingMode', says: 'one of PAY_PER_REQUEST, PROVISIONED' }],
  ],
  [
    'attributeDefinitions is a list',
    onDemand,
    s => (s.attributeDefinitions = { id: 'S' }),
    [{ path: 'attributeDefinitions', says: 'a list' }],
  ],
  [
    'attribute type is S, N or B',
    onDemand,
    s => (s.attributeDefinitions[0].type = 'BOOL'),
    [{ path: 'attributeDefinitions[0].type', says: 'one of S, N, B' }],
  ],
  [
    'keySchema is a list',
    onDemand,
    s => (s.keySchema = 'id'),
    [{ path: 'keySchema', says: 'a list' }],
  ],
  [
    'keyType is HASH or RANGE',
    onDemand,
    s => (s.keySchema[0].keyType = 'PRIMARY'),
    [{ path: 'keySchema[0].keyType', says: 'one of HASH, RANGE' }],
  ],
  [
    'key names its attribute',
    onDemand,
    s => (s.keySchema[0].attributeName = 42),
    [{ path: 'keySchema[0].attributeName', says: 'an attribute name' }],
  ],
  [
    'capacity units are at least 1',
    provisioned,
    s => (s.provisionedThroughput.readCapacityUnits = 0),
    [{ path: 'provisionedThroughput.readCapacityUnits', says: 'at least 1' }],
  ],
  [
    'capacity units are whole numbers',
    provisioned,
    s => (s.provisionedThroughput.writeCapacityUnits = 1.5),
    [
      {
        path: 'provisionedThroughput.writeCapacityUnits',
        says: 'whole number',
      },
    ],
  ],
  [
    'capacity units are numbers',
    provisioned,
    s =>
      (s.globalSecondaryIndexes[0].provisionedThroughput.readCapacityUnits =
        '5'),
    [
      {
        path: 'globalSecondaryIndexes[0].provisionedThroughput.readCapacityUnits',
        says: 'whole number',
      },
    ],
  ],
  [
    'throughput has both units',
    provisioned,
    s => delete s.provisionedThroughput.writeCapacityUnits,
    [{ path: 'provisionedThroughput.writeCapacityUnits', says: 'is required' }],
  ],
  [
    'index name has at least 3 characters',
    onDemand,
    s => (s.globalSecondaryIndexes[0].indexName = 'ix'),
    [{ path: 'globalSecondaryIndexes[0].indexName', says: 'index names' }],
  ],
  [
    'index name uses only DynamoDB characters',
    onDemand,
    s => (s.globalSecondaryIndexes[0].indexName = 'by user'),
    [{ path: 'globalSecondaryIndexes[0].indexName', says: 'index names' }],
  ],
  [
    'index has a projection',
    onDemand,
    s => delete s.globalSecondaryIndexes[0].projection,
    [{ path: 'globalSecondaryIndexes[0].projection', says: 'is required' }],
  ],
  [
    'projectionType is ALL, KEYS_ONLY or INCLUDE',
    onDemand,
    s => (s.globalSecondaryIndexes[0].projection.projectionType = 'SOME'),
    [
      {
        path: 'globalSecondaryIndexes[0].projection.projectionType',
        says: 'one of ALL, KEYS_ONLY, INCLUDE',
      },
    ],
  ],
  [
    'timeToLive names its attribute',
    onDemand,
    s => (s.timeToLive.attributeName = ''),
    [{ path: 'timeToLive.attributeName', says: 'must not be empty' }],
  ],
  [
    'attribute names are at most 255 bytes',
    onDemand,
    s => (s.timeToLive.attributeName = 'é'.repeat(128)),
    [{ path: 'timeToLive.attributeName', says: '255 bytes' }],
  ],
  [
    'timeToLive.enabled is a boolean',
    onDemand,
    s => (s.timeToLive.enabled = 'yes'),
    [{ path: 'timeToLive.enabled', says: 'true or false' }],
  ],
  [
    'tags is a map',
    onDemand,
    s => (s.tags = [{ key: 'team', value: 'x' }]),
    [{ path: 'tags', says: 'a map of tag key to tag value' }],
  ],
  [
    'tag keys are not empty',
    onDemand,
    s => (s.tags[''] = 'x'),
    [{ path: 'tags[""]', says: 'must not be empty' }],
  ],
  [
    'tag keys are at most 128 characters',
    onDemand,
    s => (s.tags['k'.repeat(129)] = 'x'),
    [{ path: `tags.${'k'.repeat(129)}`, says: 'at most 128' }],
  ],
  [
    'tag keys use AWS tag characters',
    onDemand,
    s => (s.tags['cost#center'] = 'x'),
    [{ path: 'tags["cost#center"]', says: 'may only hold' }],
  ],
  [
    'tag keys do not start with aws:',
    onDemand,
    s => (s.tags['AWS:Owner'] = 'x'),
    [{ path: 'tags["AWS:Owner"]', says: "must not start with 'aws:'" }],
  ],
  [
    'tag values are strings',
    onDemand,
    s => (s.tags.env = 5),
    [{ path: 'tags.env', says: 'quote numbers' }],
  ],
  [
    'tag values are at most 256 characters',
    onDemand,
    s => (s.tags.env = 'v'.repeat(257)),
    [{ path: 'tags.env', says: 'at most 256' }],
  ],
  [
    'tag values use AWS tag characters',
    onDemand,
    s => (s.tags.env = 'dev;prod'),
    [{ path: 'tags.env', says: 'may only hold' }],
  ],
  [
    'deletionPolicy is retain or delete',
    onDemand,
    s => (s.deletionPolicy = 'keep'),
    [{ path: 'deletionPolicy', says: 'one of retain, delete' }],
  ],
  [
    'unknown fields are refused',
    onDemand,
    s => (s.tableName = 'sessions'),
    [{ path: 'tableName', says: 'allowed fields: name, region' }],
  ],
  [
    'unknown nested fields are refused',
    onDemand,
    s => (s.keySchema[0].type = 'S'),
    [
      {
        path: 'keySchema[0].type',
        says: 'allowed fields: attributeName, keyType',
      },
    ],
  ],
];

describe('the shape of a DynamoDBRequest spec', () => {
  it.each(cases)('%s', (_rule, base, breakIt, expected) => {
    expectOnlyErrors(base, breakIt, expected);
  });

  it.each([null, [], 'sessions', 7])(
    'refuses a spec that is not an object (%p)',
    input => {
      const errors = errorsOf(validateDynamoDBRequestSpec(input));
      expect(errors).toEqual([
        {
          path: '',
          message: expect.stringContaining(
            'must be the request spec, an object',
          ),
        },
      ]);
    },
  );

  it('takes every tag character AWS allows, in any script', () => {
    const spec = anOnDemandSpec();
    spec.tags = { 'Équipe data/ops': 'café + thé = 2 @ 9:00', empty: '' };
    expect(validateDynamoDBRequestSpec(spec).valid).toBe(true);
  });

  it('accepts what a user writes, as DynamoDBRequestSpecInput describes it', () => {
    // Compile-time: the hand-written input type is what the schema accepts.
    const input: z.input<typeof dynamoDBRequestSpecShape> = anOnDemandSpec();
    expect(validateDynamoDBRequestSpec(input).valid).toBe(true);
  });
});
