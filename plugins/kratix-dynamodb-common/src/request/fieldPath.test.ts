import { formatFieldPath } from './fieldPath';

describe('formatFieldPath', () => {
  it('writes fields with dots and positions in brackets', () => {
    expect(formatFieldPath(['keySchema', 1, 'keyType'])).toBe(
      'keySchema[1].keyType',
    );
    expect(formatFieldPath(['globalSecondaryIndexes', 0, 'projection'])).toBe(
      'globalSecondaryIndexes[0].projection',
    );
  });

  it('quotes map keys that are not plain words', () => {
    expect(formatFieldPath(['tags', 'aws:owner'])).toBe('tags["aws:owner"]');
    expect(formatFieldPath(['tags', 'cost-center'])).toBe('tags.cost-center');
  });

  it('is empty for the spec itself', () => {
    expect(formatFieldPath([])).toBe('');
  });
});
