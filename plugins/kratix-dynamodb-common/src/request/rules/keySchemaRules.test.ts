import {
  anOnDemandSpec,
  aProvisionedSpec,
  expectOnlyErrors,
} from '../__testUtils__/testSpecs';

describe('key schema rules', () => {
  it('refuses two HASH keys and suggests an index for the second (the seed session table)', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => {
        spec.keySchema = [
          { attributeName: 'id', keyType: 'HASH' },
          { attributeName: 'userId', keyType: 'HASH' },
        ];
        delete spec.globalSecondaryIndexes;
      },
      [
        {
          path: 'keySchema[1].keyType',
          says: "keep 'id' as the HASH key and add a global secondary index whose HASH key is 'userId'",
        },
      ],
    );
  });

  it('refuses RANGE before HASH and says to swap them', () => {
    expectOnlyErrors(aProvisionedSpec, spec => spec.keySchema.reverse(), [
      {
        path: 'keySchema[0].keyType',
        says: 'swap keySchema[0] and keySchema[1]',
      },
    ]);
  });

  it('refuses a lone RANGE key', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => (spec.keySchema[0].keyType = 'RANGE'),
      [{ path: 'keySchema[0].keyType', says: 'must be HASH' }],
    );
  });

  it('applies the order to index key schemas too', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => (spec.globalSecondaryIndexes[0].keySchema[1].keyType = 'HASH'),
      [
        {
          path: 'globalSecondaryIndexes[0].keySchema[1].keyType',
          says: 'must be RANGE',
        },
      ],
    );
  });

  it('refuses the same attribute as HASH and RANGE key', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => (spec.keySchema[1].attributeName = 'customerId'),
      [
        {
          path: 'keySchema[1].attributeName',
          says: "'customerId' cannot be both the HASH and the RANGE key",
        },
      ],
    );
  });

  it('refuses a table key attribute missing from attributeDefinitions', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => (spec.keySchema[0].attributeName = 'sessionId'),
      [
        {
          path: 'keySchema[0].attributeName',
          says: "'sessionId' is not defined",
        },
        { path: 'attributeDefinitions[0].name', says: "'id' is not used" },
      ],
    );
  });

  it('refuses an index key attribute missing from attributeDefinitions', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec =>
        (spec.globalSecondaryIndexes[0].keySchema[0].attributeName = 'state'),
      [
        {
          path: 'globalSecondaryIndexes[0].keySchema[0].attributeName',
          says: 'add {name: state, type: S|N|B} to attributeDefinitions',
        },
        { path: 'attributeDefinitions[2].name', says: "'status' is not used" },
      ],
    );
  });
});
