/**
 * AWS's rules for attributeDefinitions: each attribute once, and only attributes that a key
 * of the table or of an index uses (CreateTable rejects any other definition).
 */
import type { CrossFieldRule } from './rule';
import { keyAttributeNamesOf } from './keySchemasOf';

/** No attribute is defined twice. */
export const uniqueAttributeDefinitionsRule: CrossFieldRule = spec => {
  const firstPosition = new Map<string, number>();
  return (spec.attributeDefinitions ?? []).flatMap((definition, position) => {
    const name = definition.name;
    if (name === undefined) return [];
    const earlier = firstPosition.get(name);
    if (earlier === undefined) {
      firstPosition.set(name, position);
      return [];
    }
    return [
      {
        path: `attributeDefinitions[${position}].name`,
        message: `'${name}' is already defined at attributeDefinitions[${earlier}]: define each attribute once`,
      },
    ];
  });
};

/** Every defined attribute is used by a key of the table or of an index. */
export const attributeDefinitionsUsedRule: CrossFieldRule = spec => {
  const used = keyAttributeNamesOf(spec);
  if (!used) return [];
  return (spec.attributeDefinitions ?? []).flatMap((definition, position) =>
    definition.name === undefined || used.has(definition.name)
      ? []
      : [
          {
            path: `attributeDefinitions[${position}].name`,
            message: `'${definition.name}' is not used by the table's key or by any index key, and DynamoDB rejects unused definitions: remove it (other attributes, including the time-to-live attribute, need no definition) or use it in a key`,
          },
        ],
  );
};
