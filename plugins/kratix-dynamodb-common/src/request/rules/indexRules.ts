/**
 * AWS's rules across the global secondary indexes: unique names, nonKeyAttributes exactly
 * when the projection is INCLUDE, and at most 100 projected non-key attributes in total.
 */
import { DYNAMODB_LIMITS } from '../constants';
import type { CrossFieldRule } from './rule';

/** No two indexes share a name. */
export const uniqueIndexNamesRule: CrossFieldRule = spec => {
  const firstPosition = new Map<string, number>();
  return spec.globalSecondaryIndexes.flatMap((index, position) => {
    const name = index.indexName;
    if (name === undefined) return [];
    const earlier = firstPosition.get(name);
    if (earlier === undefined) {
      firstPosition.set(name, position);
      return [];
    }
    return [
      {
        path: `globalSecondaryIndexes[${position}].indexName`,
        message: `'${name}' is already the name of globalSecondaryIndexes[${earlier}]: index names must be unique within a table`,
      },
    ];
  });
};

/** INCLUDE lists the attributes it copies; ALL and KEYS_ONLY list none. */
export const projectionAttributesRule: CrossFieldRule = spec =>
  spec.globalSecondaryIndexes.flatMap((index, position) => {
    const path = `globalSecondaryIndexes[${position}].projection.nonKeyAttributes`;
    if (index.projectionType === 'INCLUDE' && !index.hasNonKeyAttributes) {
      return [
        {
          path,
          message: `is required because projectionType is INCLUDE: list the non-key attributes to copy into the index (or use projectionType ALL or KEYS_ONLY)`,
        },
      ];
    }
    const otherProjection =
      index.projectionType === 'ALL' || index.projectionType === 'KEYS_ONLY';
    if (otherProjection && index.hasNonKeyAttributes) {
      return [
        {
          path,
          message: `must not be set because projectionType is ${index.projectionType}: nonKeyAttributes only goes with INCLUDE`,
        },
      ];
    }
    return [];
  });

/** AWS caps the projected non-key attributes, summed over all indexes of a table. */
export const nonKeyAttributesTotalRule: CrossFieldRule = spec => {
  const total = spec.globalSecondaryIndexes.reduce(
    (sum, index) => sum + (index.nonKeyAttributes?.length ?? 0),
    0,
  );
  const max = DYNAMODB_LIMITS.nonKeyAttributesTotalMax;
  if (total <= max) return [];
  return [
    {
      path: 'globalSecondaryIndexes',
      message: `must project at most ${max} non-key attributes in total across all indexes (AWS's limit); these project ${total}`,
    },
  ];
};
