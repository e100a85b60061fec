/**
 * AWS's rules for a key schema, of the table and of each index: HASH first, then an optional
 * RANGE; two different attributes; each one defined in attributeDefinitions.
 */
import type { DynamoDBRequestValidationError } from '../types';
import type { CrossFieldRule } from './rule';
import { keySchemasOf, type LocatedKeySchema } from './keySchemasOf';

function secondHashAdvice(
  schema: LocatedKeySchema,
  first: string,
  second: string,
) {
  if (schema.owner === 'table') {
    return ` To also find items by '${second}', keep '${first}' as the HASH key and add a global secondary index whose HASH key is '${second}'.`;
  }
  return ` To query by '${second}' on its own, give it an index of its own with '${second}' as the HASH key.`;
}

function orderErrors(
  schema: LocatedKeySchema,
): DynamoDBRequestValidationError[] {
  const [first, second] = schema.keys;
  if (!first) return [];
  if (first.keyType === 'RANGE') {
    const swap =
      second?.keyType === 'HASH'
        ? `; swap ${schema.path}[0] and ${schema.path}[1]`
        : '';
    return [
      {
        path: `${schema.path}[0].keyType`,
        message: `must be HASH: the HASH (partition) key comes first and a RANGE (sort) key may only follow it${swap}`,
      },
    ];
  }
  if (first.keyType === 'HASH' && second?.keyType === 'HASH') {
    const advice = secondHashAdvice(
      schema,
      first.attributeName ?? 'the first key',
      second.attributeName ?? 'the second key',
    );
    return [
      {
        path: `${schema.path}[1].keyType`,
        message: `must be RANGE: a key schema has exactly one HASH (partition) key, and a second key is the RANGE (sort) key.${advice}`,
      },
    ];
  }
  return [];
}

function distinctErrors(
  schema: LocatedKeySchema,
): DynamoDBRequestValidationError[] {
  const [first, second] = schema.keys;
  const name = second?.attributeName;
  if (name === undefined || name !== first?.attributeName) return [];
  return [
    {
      path: `${schema.path}[1].attributeName`,
      message: `must differ from ${schema.path}[0].attributeName: '${name}' cannot be both the HASH and the RANGE key`,
    },
  ];
}

/** HASH then RANGE, for the table and for every index. */
export const keyOrderRule: CrossFieldRule = spec =>
  keySchemasOf(spec).flatMap(orderErrors);

/** The two keys of a schema are different attributes. */
export const distinctKeysRule: CrossFieldRule = spec =>
  keySchemasOf(spec).flatMap(distinctErrors);

/** Every key attribute is listed in attributeDefinitions with its type. */
export const keysDefinedRule: CrossFieldRule = spec => {
  const definitions = spec.attributeDefinitions;
  if (!definitions) return [];
  const defined = new Set(definitions.map(definition => definition.name));
  return keySchemasOf(spec).flatMap(schema =>
    schema.keys.flatMap((key, position) =>
      !key.attributeName || defined.has(key.attributeName)
        ? []
        : [
            {
              path: `${schema.path}[${position}].attributeName`,
              message: `'${key.attributeName}' is not defined: add {name: ${key.attributeName}, type: S|N|B} to attributeDefinitions`,
            },
          ],
    ),
  );
};
