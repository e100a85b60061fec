/**
 * The designer's value is the table-shape part of a DynamoDBRequest spec, so a template passes
 * it to the action field by field. The editor works on key rows that carry their attribute's
 * type; attributeDefinitions are derived from those rows and never edited by hand, because
 * DynamoDB wants exactly the key attributes defined, each once.
 */
import type {
  AttributeType,
  BillingMode,
  DynamoDBRequestSpec,
  GlobalSecondaryIndex,
  KeyType,
  ProvisionedThroughput,
  TimeToLive,
} from '@kratix-dynamodb/common';

/** @public The value of the DynamoDBTableDesigner field. */
export type TableDesign = Pick<
  DynamoDBRequestSpec,
  | 'billingMode'
  | 'attributeDefinitions'
  | 'keySchema'
  | 'provisionedThroughput'
  | 'globalSecondaryIndexes'
  | 'timeToLive'
>;

/** A key of the table or of an index, with the type of the attribute it names. */
export type KeyRow = {
  attributeName: string;
  keyType: KeyType;
  attributeType: AttributeType;
};

export type IndexRows = Omit<GlobalSecondaryIndex, 'keySchema'> & {
  keys: KeyRow[];
};

/** The designer's value as the editor works on it. */
export type DesignRows = {
  billingMode: BillingMode;
  keys: KeyRow[];
  provisionedThroughput?: ProvisionedThroughput;
  indexes: IndexRows[];
  timeToLive?: TimeToLive;
};

export const DEFAULT_CAPACITY: ProvisionedThroughput = {
  readCapacityUnits: 5,
  writeCapacityUnits: 5,
};

/**
 * A table keyed by a string `id`, billed on demand: the smallest valid design.
 * @public
 */
export const DEFAULT_TABLE_DESIGN: TableDesign = {
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'id', type: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
};

export function toRows(design: TableDesign): DesignRows {
  const types = new Map(
    (design.attributeDefinitions ?? []).map(({ name, type }) => [name, type]),
  );
  const rowsOf = (keySchema: TableDesign['keySchema'] = []) =>
    keySchema.map(({ attributeName, keyType }) => ({
      attributeName,
      keyType,
      attributeType: types.get(attributeName) ?? 'S',
    }));
  return {
    billingMode: design.billingMode ?? 'PAY_PER_REQUEST',
    keys: rowsOf(design.keySchema),
    provisionedThroughput: design.provisionedThroughput,
    indexes: (design.globalSecondaryIndexes ?? []).map(
      ({ keySchema, ...index }) => ({ ...index, keys: rowsOf(keySchema) }),
    ),
    timeToLive: design.timeToLive,
  };
}

const keySchemaOf = (rows: KeyRow[]) =>
  rows.map(({ attributeName, keyType }) => ({ attributeName, keyType }));

/** Each key attribute once, table keys first, with the type of its first row. */
function attributeDefinitionsOf(rows: DesignRows) {
  const types = new Map<string, AttributeType>();
  for (const row of [...rows.keys, ...rows.indexes.flatMap(i => i.keys)]) {
    if (!types.has(row.attributeName))
      types.set(row.attributeName, row.attributeType);
  }
  return [...types].map(([name, type]) => ({ name, type }));
}

/** Capacity is only sent with PROVISIONED billing, where DynamoDB requires it. */
function capacityFor(
  billingMode: BillingMode,
  throughput: ProvisionedThroughput | undefined,
) {
  return billingMode === 'PROVISIONED'
    ? throughput ?? DEFAULT_CAPACITY
    : undefined;
}

/** A switch left off with no attribute named means no time to live at all. */
function timeToLiveOf(ttl: TimeToLive | undefined) {
  if (!ttl || (!ttl.enabled && !ttl.attributeName)) return undefined;
  return ttl;
}

export function fromRows(rows: DesignRows): TableDesign {
  const design: TableDesign = {
    billingMode: rows.billingMode,
    attributeDefinitions: attributeDefinitionsOf(rows),
    keySchema: keySchemaOf(rows.keys),
  };
  const throughput = capacityFor(rows.billingMode, rows.provisionedThroughput);
  if (throughput) design.provisionedThroughput = throughput;
  if (rows.indexes.length > 0) {
    design.globalSecondaryIndexes = rows.indexes.map(({ keys, ...index }) => {
      const { provisionedThroughput, ...rest } = index;
      const indexThroughput = capacityFor(
        rows.billingMode,
        provisionedThroughput,
      );
      return {
        ...rest,
        keySchema: keySchemaOf(keys),
        ...(indexThroughput && { provisionedThroughput: indexThroughput }),
      };
    });
  }
  const ttl = timeToLiveOf(rows.timeToLive);
  if (ttl) design.timeToLive = ttl;
  return design;
}

/** One attribute has one type, so changing it on one row changes it on every row that names it. */
export function withAttributeType(
  rows: DesignRows,
  attributeName: string,
  attributeType: AttributeType,
): DesignRows {
  const retype = (keys: KeyRow[]) =>
    keys.map(key =>
      key.attributeName === attributeName ? { ...key, attributeType } : key,
    );
  return {
    ...rows,
    keys: retype(rows.keys),
    indexes: rows.indexes.map(index => ({
      ...index,
      keys: retype(index.keys),
    })),
  };
}
