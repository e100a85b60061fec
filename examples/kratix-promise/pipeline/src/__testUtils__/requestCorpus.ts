/**
 * Request specs for comparing the CRD schema in promise.yaml with the rules in -common.
 * `shape` cases break a rule of one field, which both must refuse; `cross-field` cases break
 * a rule that compares fields (or checks map keys), which OpenAPI cannot express, so only
 * -common (the scaffolder, the workflow) refuses them. Test-only.
 */
import {
  invalidRequestExamples,
  validRequestExamples,
} from './requestExamples';

export type CorpusKind = 'valid' | 'shape' | 'cross-field';
export type CorpusEntry = { title: string; kind: CorpusKind; spec: unknown };

type Spec = Record<string, any>;

/** Provisioned, HASH + RANGE, an INCLUDE index, TTL and tags: every field in use. */
function base(): Spec {
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
        keySchema: [{ attributeName: 'status', keyType: 'HASH' }],
        projection: { projectionType: 'INCLUDE', nonKeyAttributes: ['total'] },
        provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 },
      },
    ],
    timeToLive: { attributeName: 'expiresAt', enabled: true },
    tags: { team: 'commerce' },
    deletionPolicy: 'retain',
  };
}

const index = (spec: Spec) => spec.globalSecondaryIndexes[0];
/** Renames the attribute the index key uses, in its definition and in the key alike. */
function renameStatusAttribute(spec: Spec, name: string) {
  spec.attributeDefinitions[2].name = name;
  index(spec).keySchema[0].attributeName = name;
}

const many = (count: number, make: (i: number) => unknown) =>
  Array.from({ length: count }, (_, i) => make(i));

const changes: [CorpusKind, string, (spec: Spec) => void][] = [
  ['valid', 'every field in use', () => {}],
  ['valid', 'deletionPolicy left to its default', s => delete s.deletionPolicy],
  ['shape', 'name too short', s => (s.name = 'ab')],
  ['shape', 'name too long', s => (s.name = 'n'.repeat(256))],
  ['shape', 'name with a space', s => (s.name = 'my orders')],
  ['shape', 'name missing', s => delete s.name],
  ['shape', 'region unknown', s => (s.region = 'eu-west-9')],
  ['shape', 'billingMode unknown', s => (s.billingMode = 'ON_DEMAND')],
  ['shape', 'attributeDefinitions empty', s => (s.attributeDefinitions = [])],
  [
    'shape',
    'attribute type unknown',
    s => (s.attributeDefinitions[0].type = 'BOOL'),
  ],
  [
    'shape',
    'attribute name over 255 characters',
    s => renameStatusAttribute(s, 'a'.repeat(256)),
  ],
  ['shape', 'keySchema empty', s => (s.keySchema = [])],
  [
    'shape',
    'three keys',
    s => s.keySchema.push({ attributeName: 'status', keyType: 'RANGE' }),
  ],
  ['shape', 'keyType unknown', s => (s.keySchema[1].keyType = 'SORT')],
  [
    'shape',
    'key without attributeName',
    s => delete s.keySchema[1].attributeName,
  ],
  ['shape', 'capacity 0', s => (s.provisionedThroughput.readCapacityUnits = 0)],
  [
    'shape',
    'capacity not whole',
    s => (s.provisionedThroughput.writeCapacityUnits = 2.5),
  ],
  [
    'shape',
    'capacity as a string',
    s => (index(s).provisionedThroughput.readCapacityUnits = '1'),
  ],
  ['shape', 'index name too short', s => (index(s).indexName = 'ix')],
  ['shape', 'index without projection', s => delete index(s).projection],
  [
    'shape',
    'projectionType unknown',
    s => (index(s).projection.projectionType = 'SOME'),
  ],
  [
    'shape',
    'nonKeyAttributes empty',
    s => (index(s).projection.nonKeyAttributes = []),
  ],
  [
    'shape',
    '21 nonKeyAttributes in one index',
    s => (index(s).projection.nonKeyAttributes = many(21, i => `a${i}`)),
  ],
  [
    'shape',
    '21 indexes',
    s =>
      (s.globalSecondaryIndexes = many(21, i => ({
        ...index(s),
        indexName: `status-index-${i}`,
      }))),
  ],
  [
    'shape',
    'timeToLive.enabled as a string',
    s => (s.timeToLive.enabled = 'true'),
  ],
  [
    'shape',
    'timeToLive without attributeName',
    s => delete s.timeToLive.attributeName,
  ],
  ['shape', '51 tags', s => many(51, i => (s.tags[`t${i}`] = 'x'))],
  [
    'shape',
    'tag value over 256 characters',
    s => (s.tags.team = 'v'.repeat(257)),
  ],
  ['shape', 'tag value with a forbidden character', s => (s.tags.team = 'a;b')],
  ['shape', 'tag value not a string', s => (s.tags.team = 7)],
  ['shape', 'deletionPolicy unknown', s => (s.deletionPolicy = 'keep')],
  ['shape', 'unknown field', s => (s.tableName = 'orders')],
  ['shape', 'unknown nested field', s => (index(s).projection.type = 'ALL')],
  ['cross-field', 'two HASH keys', s => (s.keySchema[1].keyType = 'HASH')],
  ['cross-field', 'RANGE before HASH', s => s.keySchema.reverse()],
  [
    'cross-field',
    'one attribute as HASH and RANGE key',
    s => (s.keySchema[1].attributeName = 'customerId'),
  ],
  [
    'cross-field',
    'key attribute not defined',
    s => (s.keySchema[1].attributeName = 'createdAt'),
  ],
  [
    'cross-field',
    'attribute defined but unused',
    s => s.attributeDefinitions.push({ name: 'total', type: 'N' }),
  ],
  [
    'cross-field',
    'attribute defined twice',
    s => s.attributeDefinitions.push({ name: 'status', type: 'S' }),
  ],
  [
    'cross-field',
    'PROVISIONED without throughput',
    s => delete s.provisionedThroughput,
  ],
  [
    'cross-field',
    'PAY_PER_REQUEST with throughput',
    s => {
      s.billingMode = 'PAY_PER_REQUEST';
      delete index(s).provisionedThroughput;
    },
  ],
  [
    'cross-field',
    'index of a PROVISIONED table without throughput',
    s => delete index(s).provisionedThroughput,
  ],
  [
    'cross-field',
    'index names repeated',
    s => s.globalSecondaryIndexes.push({ ...index(s) }),
  ],
  [
    'cross-field',
    'INCLUDE without nonKeyAttributes',
    s => delete index(s).projection.nonKeyAttributes,
  ],
  [
    'cross-field',
    'nonKeyAttributes without INCLUDE',
    s => (index(s).projection.projectionType = 'ALL'),
  ],
  [
    'cross-field',
    'over 100 nonKeyAttributes across indexes',
    s =>
      (s.globalSecondaryIndexes = many(6, i => ({
        ...index(s),
        indexName: `status-index-${i}`,
        projection: {
          projectionType: 'INCLUDE',
          nonKeyAttributes: many(17, j => `a${i}_${j}`),
        },
      }))),
  ],
  [
    'cross-field',
    'timeToLive on a string key',
    s => (s.timeToLive.attributeName = 'customerId'),
  ],
  [
    'cross-field',
    'attribute name over 255 bytes, not characters',
    s => renameStatusAttribute(s, 'é'.repeat(128)),
  ],
  [
    'cross-field',
    'tag key starting with aws:',
    s => (s.tags['aws:owner'] = 'x'),
  ],
  [
    'cross-field',
    'tag key over 128 characters',
    s => (s.tags['k'.repeat(129)] = 'x'),
  ],
  [
    'cross-field',
    'tag key with a forbidden character',
    s => (s.tags['cost#center'] = 'x'),
  ],
];

/** Every case above, then the example files of examples/requests. */
export function requestCorpus(): CorpusEntry[] {
  const changed = changes.map(([kind, title, change]) => {
    const spec = base();
    change(spec);
    return { title, kind, spec };
  });
  const valid = validRequestExamples().map(example => ({
    title: `examples/requests/${example.file}`,
    kind: 'valid' as const,
    spec: example.object.spec,
  }));
  const invalid = invalidRequestExamples().map(example => ({
    title: `examples/requests/invalid/${example.file}`,
    kind: example.crdRejects ? ('shape' as const) : ('cross-field' as const),
    spec: example.object.spec,
  }));
  return [...changed, ...valid, ...invalid];
}
