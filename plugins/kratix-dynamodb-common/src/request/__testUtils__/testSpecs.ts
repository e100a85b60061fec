/**
 * Valid specs for the tests to break one rule at a time. Each call returns a fresh copy, so
 * a test may mutate it freely. Not exported from the package.
 */
import type { DynamoDBRequestSpecInput } from '../types';
import { validateDynamoDBRequestSpec } from '../validateDynamoDBRequestSpec';

/** On-demand, a HASH key and a GSI: the session table as it should be. */
export function anOnDemandSpec(): DynamoDBRequestSpecInput {
  return {
    name: 'sessions',
    region: 'us-east-1',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [
      { name: 'id', type: 'S' },
      { name: 'userId', type: 'S' },
    ],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    globalSecondaryIndexes: [
      {
        indexName: 'userId-index',
        keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
        projection: { projectionType: 'ALL' },
      },
    ],
    timeToLive: { attributeName: 'expiresAt', enabled: true },
    tags: { team: 'identity', env: 'dev' },
  };
}

/** Provisioned, HASH + RANGE, with an INCLUDE index that has its own capacity. */
export function aProvisionedSpec(): DynamoDBRequestSpecInput {
  return {
    name: 'orders',
    region: 'eu-west-1',
    billingMode: 'PROVISIONED',
    attributeDefinitions: [
      { name: 'customerId', type: 'S' },
      { name: 'orderDate', type: 'N' },
      { name: 'status', type: 'S' },
    ],
    keySchema: [
      { attributeName: 'customerId', keyType: 'HASH' },
      { attributeName: 'orderDate', keyType: 'RANGE' },
    ],
    provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
    globalSecondaryIndexes: [
      {
        indexName: 'status-index',
        keySchema: [
          { attributeName: 'status', keyType: 'HASH' },
          { attributeName: 'orderDate', keyType: 'RANGE' },
        ],
        projection: { projectionType: 'INCLUDE', nonKeyAttributes: ['total'] },
        provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 },
      },
    ],
    deletionPolicy: 'delete',
  };
}

/** The errors of a spec that must be invalid, or a failure naming the spec that passed. */
export function errorsOf(
  result:
    | { valid: true }
    | { valid: false; errors: { path: string; message: string }[] },
) {
  if (result.valid)
    throw new Error('expected the spec to be refused, but it passed');
  return result.errors;
}

/** A spec to break by hand: the tests reach into any field, whatever its type. */
export type LooseSpec = Record<string, any>;

/**
 * Breaks one rule in a fresh valid spec and checks that exactly the expected errors come
 * back, each at its path and saying the given words.
 */
export function expectOnlyErrors(
  base: () => DynamoDBRequestSpecInput,
  breakIt: (spec: LooseSpec) => void,
  expected: { path: string; says: string }[],
) {
  const spec = base() as LooseSpec;
  breakIt(spec);
  const errors = errorsOf(validateDynamoDBRequestSpec(spec));
  expect(errors.map(error => error.path)).toEqual(expected.map(e => e.path));
  expected.forEach((want, i) => expect(errors[i].message).toContain(want.says));
}
