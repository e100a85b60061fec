import {
  anOnDemandSpec,
  aProvisionedSpec,
  expectOnlyErrors,
} from '../__testUtils__/testSpecs';

const anIndex = (i: number) => ({
  indexName: `userId-index-${i}`,
  keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
  projection: { projectionType: 'KEYS_ONLY' },
});

describe('list and map sizes', () => {
  it('requires a table key', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        spec.keySchema = [];
        spec.attributeDefinitions = [{ name: 'userId', type: 'S' }];
      },
      [{ path: 'keySchema', says: 'must have a HASH key' }],
    );
  });

  it('refuses more than two keys', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec =>
        spec.keySchema.push({ attributeName: 'status', keyType: 'RANGE' }),
      [{ path: 'keySchema', says: 'at most 2 keys' }],
    );
  });

  it('requires an index key', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => {
        spec.globalSecondaryIndexes[0].keySchema = [];
        spec.attributeDefinitions.pop();
      },
      [
        {
          path: 'globalSecondaryIndexes[0].keySchema',
          says: 'must have a HASH key',
        },
      ],
    );
  });

  it('requires attribute definitions', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        spec.attributeDefinitions = [];
        spec.keySchema = [];
        delete spec.globalSecondaryIndexes;
      },
      [
        {
          path: 'attributeDefinitions',
          says: 'must define at least the HASH key attribute',
        },
        { path: 'keySchema', says: 'must have a HASH key' },
      ],
    );
  });

  it('accepts 20 indexes and refuses 21, as AWS does', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec =>
        (spec.globalSecondaryIndexes = Array.from({ length: 21 }, (_, i) =>
          anIndex(i),
        )),
      [
        {
          path: 'globalSecondaryIndexes',
          says: "at most 20 global secondary indexes (AWS's limit per table); it has 21",
        },
      ],
    );
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        spec.globalSecondaryIndexes = Array.from({ length: 20 }, (_, i) =>
          anIndex(i),
        );
        spec.name = 'x';
      },
      [{ path: 'name', says: '3-255' }],
    );
  });

  it('refuses an empty nonKeyAttributes list and more than 20 per index', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => (spec.globalSecondaryIndexes[0].projection.nonKeyAttributes = []),
      [
        {
          path: 'globalSecondaryIndexes[0].projection.nonKeyAttributes',
          says: 'at least one',
        },
      ],
    );
    expectOnlyErrors(
      aProvisionedSpec,
      spec =>
        (spec.globalSecondaryIndexes[0].projection.nonKeyAttributes =
          Array.from({ length: 21 }, (_, i) => `a${i}`)),
      [
        {
          path: 'globalSecondaryIndexes[0].projection.nonKeyAttributes',
          says: 'at most 20',
        },
      ],
    );
  });

  it('refuses more than 50 tags', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        for (let i = 0; i < 49; i++) spec.tags[`tag${i}`] = 'x';
      },
      [{ path: 'tags', says: 'at most 50 tags' }],
    );
  });
});
