import type { LenientKey, LenientSpec } from './lenientSpec';

/** A key schema of the table or of one of its indexes, with the path it is reported under. */
export type LocatedKeySchema = {
  path: string;
  owner: 'table' | 'index';
  keys: LenientKey[];
};

/** The table's key schema first, then each index's, skipping those that are not lists. */
export function keySchemasOf(spec: LenientSpec): LocatedKeySchema[] {
  const located: LocatedKeySchema[] = [];
  if (spec.keySchema) {
    located.push({ path: 'keySchema', owner: 'table', keys: spec.keySchema });
  }
  spec.globalSecondaryIndexes.forEach((index, position) => {
    if (index.keySchemaReadable) {
      located.push({
        path: `globalSecondaryIndexes[${position}].keySchema`,
        owner: 'index',
        keys: index.keySchema,
      });
    }
  });
  return located;
}

/**
 * Every attribute name the keys use, or undefined when some key could not be read: then
 * "which definitions are unused" cannot be answered without false alarms.
 */
export function keyAttributeNamesOf(
  spec: LenientSpec,
): Set<string> | undefined {
  const everyKeyReadable =
    spec.keySchema !== undefined &&
    spec.globalSecondaryIndexesReadable &&
    spec.globalSecondaryIndexes.every(index => index.keySchemaReadable);
  if (!everyKeyReadable) return undefined;
  const names = new Set<string>();
  for (const { keys } of keySchemasOf(spec)) {
    for (const key of keys) {
      if (key.attributeName === undefined) return undefined;
      names.add(key.attributeName);
    }
  }
  return names;
}
