/**
 * What a BucketRequest asks for, checked for the rules its CRD schema cannot express, and the
 * settings the destination's storage operator reads.
 */

/** The spec after the API server applied the CRD schema (types, bounds and defaults hold). */
export type BucketRequestSpec = {
  name: string;
  storageClass?: string;
  quota: number | string;
  versioning?: boolean;
  retention?: { days: number; mode?: 'GOVERNANCE' | 'COMPLIANCE' };
  lifecycleRules?: Array<{ prefix?: string; expireAfterDays: number }>;
  corsOrigins?: string[];
  policy?: Record<string, unknown>;
};

export type BucketProblem = { path: string; message: string };

const UNIT_BYTES: Record<string, number> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A quota of bytes or a binary quantity ("10Gi"); undefined when it is neither. */
export function quotaInBytes(quota: number | string): number | undefined {
  if (typeof quota === 'number')
    return Number.isInteger(quota) && quota > 0 ? quota : undefined;
  const match = /^([0-9]+)(Ki|Mi|Gi|Ti)?$/.exec(quota);
  if (!match) return undefined;
  const bytes = Number(match[1]) * UNIT_BYTES[match[2] ?? ''];
  return bytes > 0 ? bytes : undefined;
}

/** Rules that compare fields, or need arithmetic, so only the workflow can check them. */
export function bucketProblems(spec: BucketRequestSpec): BucketProblem[] {
  const problems: BucketProblem[] = [];
  if (typeof spec.name !== 'string' || !spec.name)
    problems.push({ path: 'spec.name', message: 'is required' });
  if (quotaInBytes(spec.quota) === undefined)
    problems.push({
      path: 'spec.quota',
      message: 'must be a positive number of bytes or a quantity such as 10Gi',
    });
  if (spec.retention?.mode === 'COMPLIANCE' && !spec.versioning)
    problems.push({
      path: 'spec.versioning',
      message: 'must be true when retention.mode is COMPLIANCE',
    });
  const prefixes = (spec.lifecycleRules ?? []).map(r => r.prefix ?? '');
  const repeated = prefixes.findIndex((p, i) => prefixes.indexOf(p) !== i);
  if (repeated >= 0)
    problems.push({
      path: `spec.lifecycleRules[${repeated}].prefix`,
      message: `repeats the prefix '${prefixes[repeated]}': one rule per prefix`,
    });
  return problems;
}

/** The settings file the storage operator on the destination reads. */
export function bucketSettings(spec: BucketRequestSpec) {
  return {
    bucket: spec.name,
    storageClass: spec.storageClass ?? 'STANDARD',
    quotaBytes: quotaInBytes(spec.quota),
    versioning: spec.versioning ?? false,
    retention: spec.retention
      ? { days: spec.retention.days, mode: spec.retention.mode ?? 'GOVERNANCE' }
      : null,
    lifecycleRules: spec.lifecycleRules ?? [],
    corsOrigins: spec.corsOrigins ?? [],
    policy: spec.policy ?? null,
  };
}
