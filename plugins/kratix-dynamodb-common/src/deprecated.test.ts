import * as common from './index';

// Policies written against the old spelling compare permissions by object or by name; both
// must keep matching.
describe('deprecated "Dynamodb" permission names', () => {
  it.each([
    [
      'kratixDynamodbRequestCreatePermission',
      'kratixDynamoDBRequestCreatePermission',
    ],
    [
      'kratixDynamodbStatusReadPermission',
      'kratixDynamoDBStatusReadPermission',
    ],
    [
      'kratixDynamodbObjectsReadPermission',
      'kratixDynamoDBObjectsReadPermission',
    ],
  ] as const)('%s is %s', (oldName, newName) => {
    expect(common[oldName]).toBeDefined();
    expect(common[oldName]).toBe(common[newName]);
  });
});
