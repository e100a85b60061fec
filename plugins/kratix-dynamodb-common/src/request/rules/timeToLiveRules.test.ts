import { aProvisionedSpec, expectOnlyErrors } from '../__testUtils__/testSpecs';
import { validateDynamoDBRequestSpec } from '../validateDynamoDBRequestSpec';

describe('time to live rules', () => {
  it('refuses a TTL attribute that is a key of type S', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec =>
        (spec.timeToLive = { attributeName: 'customerId', enabled: true }),
      [
        {
          path: 'timeToLive.attributeName',
          says: 'needs a Number (N) attribute',
        },
      ],
    );
  });

  it('accepts a TTL attribute that needs no definition, or is a Number key', () => {
    const spec = aProvisionedSpec();
    spec.timeToLive = { attributeName: 'expiresAt', enabled: true };
    expect(validateDynamoDBRequestSpec(spec).valid).toBe(true);
    spec.timeToLive = { attributeName: 'orderDate', enabled: false };
    expect(validateDynamoDBRequestSpec(spec).valid).toBe(true);
  });
});
