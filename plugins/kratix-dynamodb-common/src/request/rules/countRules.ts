/**
 * How many items each list and map may hold. These live here rather than in the zod shape:
 * zod skips an array's length checks once one of its elements is wrong, and every error
 * must be reported at once.
 */
import { DYNAMODB_LIMITS as LIMITS } from '../constants';
import type { DynamoDBRequestValidationError } from '../types';
import type { CrossFieldRule } from './rule';
import { keySchemasOf } from './keySchemasOf';

function tooMany(path: string, count: number, max: number, what: string) {
  return count > max
    ? [{ path, message: `must have at most ${max} ${what}; it has ${count}` }]
    : [];
}

export const keySchemaLengthRule: CrossFieldRule = spec =>
  keySchemasOf(spec).flatMap((schema): DynamoDBRequestValidationError[] => {
    if (schema.keys.length === 0) {
      return [
        {
          path: schema.path,
          message:
            'must have a HASH key: [{attributeName: <name>, keyType: HASH}]',
        },
      ];
    }
    return tooMany(
      schema.path,
      schema.keys.length,
      LIMITS.keySchemaMaxLength,
      'keys: one HASH (partition) key, optionally followed by one RANGE (sort) key',
    );
  });

export const attributeDefinitionsPresentRule: CrossFieldRule = spec =>
  spec.attributeDefinitions?.length === 0
    ? [
        {
          path: 'attributeDefinitions',
          message:
            'must define at least the HASH key attribute: [{name: <name>, type: S|N|B}]',
        },
      ]
    : [];

export const indexCountRule: CrossFieldRule = spec =>
  tooMany(
    'globalSecondaryIndexes',
    spec.globalSecondaryIndexes.length,
    LIMITS.globalSecondaryIndexesMax,
    "global secondary indexes (AWS's limit per table)",
  );

export const nonKeyAttributesCountRule: CrossFieldRule = spec =>
  spec.globalSecondaryIndexes.flatMap((index, position) => {
    const path = `globalSecondaryIndexes[${position}].projection.nonKeyAttributes`;
    const count = index.nonKeyAttributes?.length;
    if (count === undefined) return [];
    if (count === 0) {
      return [
        { path, message: 'must list at least one attribute when present' },
      ];
    }
    return tooMany(
      path,
      count,
      LIMITS.nonKeyAttributesPerIndexMax,
      'attributes per index',
    );
  });

export const tagCountRule: CrossFieldRule = spec =>
  tooMany(
    'tags',
    spec.tagCount ?? 0,
    LIMITS.tagsMax,
    "tags (AWS's limit per resource)",
  );
