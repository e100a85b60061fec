import {
  anOnDemandSpec,
  aProvisionedSpec,
  expectOnlyErrors,
} from '../__testUtils__/testSpecs';

describe('global secondary index rules', () => {
  it('refuses two indexes with one name', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec =>
        spec.globalSecondaryIndexes.push({ ...spec.globalSecondaryIndexes[0] }),
      [
        {
          path: 'globalSecondaryIndexes[1].indexName',
          says: 'already the name of globalSecondaryIndexes[0]',
        },
      ],
    );
  });

  it('requires nonKeyAttributes with INCLUDE', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => delete spec.globalSecondaryIndexes[0].projection.nonKeyAttributes,
      [
        {
          path: 'globalSecondaryIndexes[0].projection.nonKeyAttributes',
          says: 'is required because projectionType is INCLUDE',
        },
      ],
    );
  });

  it('refuses nonKeyAttributes without INCLUDE', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec =>
        (spec.globalSecondaryIndexes[0].projection.projectionType =
          'KEYS_ONLY'),
      [
        {
          path: 'globalSecondaryIndexes[0].projection.nonKeyAttributes',
          says: 'must not be set because projectionType is KEYS_ONLY',
        },
      ],
    );
  });

  it('refuses more than 100 projected non-key attributes across all indexes', () => {
    const names = (prefix: string) =>
      Array.from({ length: 17 }, (_, i) => `${prefix}${i}`);
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        spec.globalSecondaryIndexes = Array.from({ length: 6 }, (_, i) => ({
          indexName: `userId-index-${i}`,
          keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
          projection: {
            projectionType: 'INCLUDE',
            nonKeyAttributes: names(`a${i}_`),
          },
        }));
      },
      [{ path: 'globalSecondaryIndexes', says: 'these project 102' }],
    );
  });
});
