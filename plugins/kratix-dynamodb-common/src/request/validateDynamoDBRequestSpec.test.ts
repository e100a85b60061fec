import {
  describeValidationErrors,
  validateDynamoDBRequestSpec,
} from './validateDynamoDBRequestSpec';
import {
  anOnDemandSpec,
  aProvisionedSpec,
  errorsOf,
} from './__testUtils__/testSpecs';

describe('validateDynamoDBRequestSpec', () => {
  it('accepts valid specs and returns them', () => {
    const result = validateDynamoDBRequestSpec(aProvisionedSpec());
    expect(result).toEqual({ valid: true, spec: aProvisionedSpec() });
  });

  it('keeps tables by default: deletionPolicy becomes retain', () => {
    const result = validateDynamoDBRequestSpec(anOnDemandSpec());
    expect(result.valid && result.spec.deletionPolicy).toBe('retain');
  });

  it('returns every error at once, shape and cross-field alike', () => {
    const spec: Record<string, any> = anOnDemandSpec();
    spec.name = 'x';
    spec.region = 'us-east-1a';
    spec.keySchema.push({ attributeName: 'userId', keyType: 'HASH' });
    spec.provisionedThroughput = {
      readCapacityUnits: 0,
      writeCapacityUnits: 1,
    };
    spec.globalSecondaryIndexes[0].projection.projectionType = 'EVERYTHING';
    const paths = errorsOf(validateDynamoDBRequestSpec(spec)).map(e => e.path);
    expect(paths).toEqual([
      'name',
      'region',
      'provisionedThroughput.readCapacityUnits',
      'globalSecondaryIndexes[0].projection.projectionType',
      'keySchema[1].keyType',
      'provisionedThroughput',
    ]);
  });

  it('names the region a mistyped one most likely meant', () => {
    const spec = { ...anOnDemandSpec(), region: 'us-east-1a' };
    const [error] = errorsOf(validateDynamoDBRequestSpec(spec));
    expect(error.message).toContain('did you mean us-east-1?');
  });

  it('never throws, whatever it is given', () => {
    const oddities: unknown[] = [
      undefined,
      { keySchema: [null, 3, 'HASH'] },
      { globalSecondaryIndexes: [null, { keySchema: {}, projection: 'ALL' }] },
      { attributeDefinitions: [[], { name: {} }], timeToLive: 'on', tags: [] },
      { billingMode: 'PROVISIONED', provisionedThroughput: null },
      Object.create(null),
    ];
    for (const input of oddities) {
      expect(validateDynamoDBRequestSpec(input).valid).toBe(false);
    }
  });

  it('reports each problem once', () => {
    const spec = { ...anOnDemandSpec(), name: 'a b' }; // too short and a bad character
    expect(errorsOf(validateDynamoDBRequestSpec(spec))).toHaveLength(1);
  });

  it('writes errors as "path: message" lines', () => {
    expect(
      describeValidationErrors([
        { path: 'keySchema[1].keyType', message: 'must be RANGE' },
        { path: '', message: 'must be an object' },
      ]),
    ).toEqual(['keySchema[1].keyType: must be RANGE', 'must be an object']);
  });
});
