/**
 * Provisioned capacity belongs to PROVISIONED tables only: required there, for the table and
 * for each index, and refused on PAY_PER_REQUEST (on-demand) tables.
 */
import type { DynamoDBRequestValidationError } from '../types';
import type { CrossFieldRule } from './rule';

function throughputError(
  path: string,
  billingMode: string | undefined,
  hasThroughput: boolean,
  whose: string,
): DynamoDBRequestValidationError[] {
  if (billingMode === 'PROVISIONED' && !hasThroughput) {
    return [
      {
        path,
        message: `is required because billingMode is PROVISIONED: give ${whose} {readCapacityUnits, writeCapacityUnits}, each at least 1 (or use billingMode PAY_PER_REQUEST)`,
      },
    ];
  }
  if (billingMode === 'PAY_PER_REQUEST' && hasThroughput) {
    return [
      {
        path,
        message: `must not be set because billingMode is PAY_PER_REQUEST (on-demand capacity): remove it, or use billingMode PROVISIONED`,
      },
    ];
  }
  return [];
}

/** The table's own throughput matches its billing mode. */
export const tableThroughputRule: CrossFieldRule = spec =>
  throughputError(
    'provisionedThroughput',
    spec.billingMode,
    spec.hasProvisionedThroughput,
    'the table',
  );

/** Each index's throughput matches the table's billing mode. */
export const indexThroughputRule: CrossFieldRule = spec =>
  spec.globalSecondaryIndexes.flatMap((index, position) =>
    throughputError(
      `globalSecondaryIndexes[${position}].provisionedThroughput`,
      spec.billingMode,
      index.hasProvisionedThroughput,
      'each index of a provisioned table',
    ),
  );
