import { AWS_REGIONS } from './awsRegions';

const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The region a mistyped region code most likely meant, for the error message: the same code
 * in another letter case or punctuation ("US_EAST_1"), or the region of an availability
 * zone ("us-east-1a"). Undefined when nothing is close.
 * @public
 */
export function suggestAwsRegion(input: string): string | undefined {
  const wanted = squash(input);
  if (!wanted) return undefined;
  const sameCode = AWS_REGIONS.find(region => squash(region.code) === wanted);
  if (sameCode) return sameCode.code;
  const zoneOf = AWS_REGIONS.find(region => {
    const code = squash(region.code);
    return wanted.startsWith(code) && /^[a-z]$/.test(wanted.slice(code.length));
  });
  return zoneOf?.code;
}
