import * as legacy from './index';
import * as alpha from './alpha';

// Apps written against the old spelling must keep getting the very same objects, not copies:
// an API ref or an extension that is a copy would register twice or not be found.
describe('deprecated "Dynamodb" names', () => {
  it.each([
    ['kratixDynamodbPlugin', 'kratixDynamoDBPlugin'],
    ['kratixDynamodbApiRef', 'kratixDynamoDBApiRef'],
    ['KratixDynamodbClient', 'KratixDynamoDBClient'],
  ] as const)('%s is %s in the main entry point', (oldName, newName) => {
    expect(legacy[oldName]).toBeDefined();
    expect(legacy[oldName]).toBe(legacy[newName]);
  });

  it.each([
    ['kratixDynamodbApi', 'kratixDynamoDBApi'],
    ['kratixDynamodbEntityCard', 'kratixDynamoDBEntityCard'],
    ['kratixDynamodbEntityContent', 'kratixDynamoDBEntityContent'],
  ] as const)('%s is %s in /alpha', (oldName, newName) => {
    expect(alpha[oldName]).toBeDefined();
    expect(alpha[oldName]).toBe(alpha[newName]);
  });
});
