import { AWS_REGIONS, AWS_REGION_CODES, findAwsRegion } from './awsRegions';
import { suggestAwsRegion } from './suggestAwsRegion';

describe('AWS_REGIONS', () => {
  it('lists each region once, as AWS writes region codes', () => {
    expect(new Set(AWS_REGION_CODES).size).toBe(AWS_REGIONS.length);
    for (const code of AWS_REGION_CODES) {
      expect(code).toMatch(/^[a-z]{2}(-gov)?-[a-z]+-\d$/);
    }
  });

  it('knows the partition of each region', () => {
    expect(findAwsRegion('us-east-1')?.partition).toBe('aws');
    expect(findAwsRegion('cn-north-1')?.partition).toBe('aws-cn');
    expect(findAwsRegion('us-gov-west-1')?.partition).toBe('aws-us-gov');
    expect(findAwsRegion('us-east-9')).toBeUndefined();
  });
});

describe('suggestAwsRegion', () => {
  it.each([
    ['US-EAST-1', 'us-east-1'],
    ['eu_west_1', 'eu-west-1'],
    ['useast2', 'us-east-2'],
    ['ap-southeast-2b', 'ap-southeast-2'],
  ])('reads %s as %s', (input, region) => {
    expect(suggestAwsRegion(input)).toBe(region);
  });

  it.each(['', 'moon-1', 'us-east-12', 'east'])(
    'has no guess for %p',
    input => {
      expect(suggestAwsRegion(input)).toBeUndefined();
    },
  );
});
