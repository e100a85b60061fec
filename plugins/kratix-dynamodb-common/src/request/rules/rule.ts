import type { DynamoDBRequestValidationError } from '../types';
import type { LenientSpec } from './lenientSpec';

/** One of AWS's cross-field rules: every violation it finds, each with its field path. */
export type CrossFieldRule = (
  spec: LenientSpec,
) => DynamoDBRequestValidationError[];
