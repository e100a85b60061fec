/**
 * The designer checks its value with -common's validateDynamoDBRequestSpec, the same check the
 * action and the workflow make, so the browser never accepts what the cluster would refuse.
 */
import {
  validateDynamoDBRequestSpec,
  type DynamoDBRequestValidationError,
} from '@kratix-dynamodb/common';
import type { TableDesign } from './tableDesign';

/** The spec fields the designer edits; the others are other fields' errors. */
const DESIGN_FIELDS = new Set([
  'billingMode',
  'attributeDefinitions',
  'keySchema',
  'provisionedThroughput',
  'globalSecondaryIndexes',
  'timeToLive',
]);

const topField = (path: string) => path.split(/[.[]/)[0];

/** Every problem with the table's shape, by spec path (e.g. `keySchema[1].keyType`). */
export function validateTableDesign(
  design: TableDesign | undefined,
): DynamoDBRequestValidationError[] {
  // The table name and region are other fields; valid stand-ins keep their errors out.
  const result = validateDynamoDBRequestSpec({
    name: 'table-design',
    region: 'us-east-1',
    ...design,
  });
  if (result.valid) return [];
  return result.errors.filter(error => DESIGN_FIELDS.has(topField(error.path)));
}

/**
 * attributeDefinitions are derived, so their errors belong to the first key row that names
 * the attribute: `attributeDefinitions[1].type` shows at that row's type.
 */
export function locateDesignErrors(
  errors: DynamoDBRequestValidationError[],
  design: TableDesign | undefined,
): DynamoDBRequestValidationError[] {
  const rowPaths = new Map<string, string>();
  (design?.keySchema ?? []).forEach((key, k) => {
    if (!rowPaths.has(key.attributeName))
      rowPaths.set(key.attributeName, `keySchema[${k}]`);
  });
  (design?.globalSecondaryIndexes ?? []).forEach((index, g) =>
    (index.keySchema ?? []).forEach((key, k) => {
      if (!rowPaths.has(key.attributeName))
        rowPaths.set(
          key.attributeName,
          `globalSecondaryIndexes[${g}].keySchema[${k}]`,
        );
    }),
  );
  return errors.map(error => {
    const match = /^attributeDefinitions\[(\d+)\]/.exec(error.path);
    const name =
      match && design?.attributeDefinitions?.[Number(match[1])]?.name;
    const row = name !== null && name !== undefined && rowPaths.get(name);
    return row ? { ...error, path: `${row}.attributeType` } : error;
  });
}

/** The messages for exactly this path. */
export function messagesAt(
  errors: DynamoDBRequestValidationError[],
  path: string,
): string[] {
  return errors.filter(e => e.path === path).map(e => e.message);
}

/** Whether anything at or below this path is wrong, to mark the row or section. */
export function hasErrorsUnder(
  errors: DynamoDBRequestValidationError[],
  path: string,
): boolean {
  return errors.some(
    e =>
      e.path === path ||
      e.path.startsWith(`${path}.`) ||
      e.path.startsWith(`${path}[`),
  );
}
