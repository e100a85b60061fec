/**
 * A forgiving reading of a request spec, for the cross-field rules. The rules run even when
 * the shape is wrong elsewhere (every error is reported at once), so they read what they can
 * and skip what they cannot. Array positions are kept, so paths stay right.
 */

/** A key as far as it can be read; wrong-typed parts are left out. */
export type LenientKey = { attributeName?: string; keyType?: string };

export type LenientIndex = {
  indexName?: string;
  keySchema: LenientKey[];
  /** False when the key schema is present but not a list. */
  keySchemaReadable: boolean;
  hasProvisionedThroughput: boolean;
  projectionType?: string;
  hasNonKeyAttributes: boolean;
  /** Undefined when absent or not a list. */
  nonKeyAttributes?: unknown[];
};

export type LenientSpec = {
  billingMode?: string;
  /** Undefined when absent or not a list. */
  attributeDefinitions?: { name?: string; type?: string }[];
  keySchema?: LenientKey[];
  hasProvisionedThroughput: boolean;
  /** Empty when absent or not a list. */
  globalSecondaryIndexes: LenientIndex[];
  /** False when the indexes are present but not a list. */
  globalSecondaryIndexesReadable: boolean;
  timeToLiveAttributeName?: string;
  /** Undefined when absent or not a map. */
  tagCount?: number;
};

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldsOf = (value: unknown): Fields => (isFields(value) ? value : {});

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const listOf = (value: unknown): unknown[] | undefined =>
  Array.isArray(value) ? value : undefined;

function readKeys(value: unknown): LenientKey[] | undefined {
  return listOf(value)?.map(element => {
    const key = fieldsOf(element);
    return {
      attributeName: stringOf(key.attributeName),
      keyType: stringOf(key.keyType),
    };
  });
}

function readIndex(value: unknown): LenientIndex {
  const index = fieldsOf(value);
  const projection = fieldsOf(index.projection);
  const keySchema = readKeys(index.keySchema);
  return {
    indexName: stringOf(index.indexName),
    keySchema: keySchema ?? [],
    keySchemaReadable: keySchema !== undefined,
    hasProvisionedThroughput: index.provisionedThroughput !== undefined,
    projectionType: stringOf(projection.projectionType),
    hasNonKeyAttributes: projection.nonKeyAttributes !== undefined,
    nonKeyAttributes: listOf(projection.nonKeyAttributes),
  };
}

export function readLenientSpec(input: unknown): LenientSpec {
  const spec = fieldsOf(input);
  const indexes = listOf(spec.globalSecondaryIndexes);
  return {
    billingMode: stringOf(spec.billingMode),
    attributeDefinitions: listOf(spec.attributeDefinitions)?.map(element => {
      const definition = fieldsOf(element);
      return {
        name: stringOf(definition.name),
        type: stringOf(definition.type),
      };
    }),
    keySchema: readKeys(spec.keySchema),
    hasProvisionedThroughput: spec.provisionedThroughput !== undefined,
    globalSecondaryIndexes: indexes?.map(readIndex) ?? [],
    globalSecondaryIndexesReadable:
      indexes !== undefined || spec.globalSecondaryIndexes === undefined,
    timeToLiveAttributeName: stringOf(fieldsOf(spec.timeToLive).attributeName),
    tagCount: isFields(spec.tags) ? Object.keys(spec.tags).length : undefined,
  };
}
