import {
  anOnDemandSpec,
  aProvisionedSpec,
  expectOnlyErrors,
} from '../__testUtils__/testSpecs';

const someCapacity = () => ({ readCapacityUnits: 1, writeCapacityUnits: 1 });

describe('capacity rules', () => {
  it('requires table throughput when PROVISIONED', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => delete spec.provisionedThroughput,
      [
        {
          path: 'provisionedThroughput',
          says: 'is required because billingMode is PROVISIONED',
        },
      ],
    );
  });

  it('refuses table throughput when PAY_PER_REQUEST', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec => (spec.provisionedThroughput = someCapacity()),
      [
        {
          path: 'provisionedThroughput',
          says: 'must not be set because billingMode is PAY_PER_REQUEST',
        },
      ],
    );
  });

  it('requires index throughput when PROVISIONED', () => {
    expectOnlyErrors(
      aProvisionedSpec,
      spec => delete spec.globalSecondaryIndexes[0].provisionedThroughput,
      [
        {
          path: 'globalSecondaryIndexes[0].provisionedThroughput',
          says: 'each index of a provisioned table',
        },
      ],
    );
  });

  it('refuses index throughput when PAY_PER_REQUEST', () => {
    expectOnlyErrors(
      anOnDemandSpec,
      spec =>
        (spec.globalSecondaryIndexes[0].provisionedThroughput = someCapacity()),
      [
        {
          path: 'globalSecondaryIndexes[0].provisionedThroughput',
          says: 'must not be set',
        },
      ],
    );
  });
});
