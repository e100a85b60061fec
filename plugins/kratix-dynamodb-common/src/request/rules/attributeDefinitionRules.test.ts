import { anOnDemandSpec, expectOnlyErrors } from '../__testUtils__/testSpecs';

describe('attribute definition rules', () => {
  it('refuses an attribute defined twice', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => spec.attributeDefinitions.push({ name: 'id', type: 'N' }),
      [
        {
          path: 'attributeDefinitions[2].name',
          says: 'already defined at attributeDefinitions[0]',
        },
      ],
    );
  });

  it('refuses a definition no key uses, as AWS does', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => spec.attributeDefinitions.push({ name: 'expiresAt', type: 'N' }),
      [
        {
          path: 'attributeDefinitions[2].name',
          says: 'DynamoDB rejects unused definitions',
        },
      ],
    );
  });

  it('counts index keys as uses', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => delete spec.globalSecondaryIndexes,
      [{ path: 'attributeDefinitions[1].name', says: "'userId' is not used" }],
    );
  });

  it('does not guess at unused definitions while a key cannot be read', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => (spec.globalSecondaryIndexes[0].keySchema = 'userId'),
      [{ path: 'globalSecondaryIndexes[0].keySchema', says: 'a list' }],
    );
  });
});
