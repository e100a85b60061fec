import type { Config } from '@backstage/config';
import {
  DEFAULT_REFUSED_NAMESPACES,
  type TableNamePrefixRule,
} from '@kratix-dynamodb/common';
import { readTableNamePrefix } from '@kratix-dynamodb/node';

/** What the platform team allows the wizard to create (kratixDynamodb.scaffolder). */
export type CreateLimits = {
  /** Namespace names, or prefixes ending in `*`, where nothing may be created. */
  refusedNamespaces: string[];
  /** Image names, or prefixes ending in `/`, `:`, `@` or `*`, that webservice components may run. */
  allowedImages: string[];
  capacity: {
    maxReadCapacityUnits: number;
    maxWriteCapacityUnits: number;
    maxIndexReadCapacityUnits: number;
    maxIndexWriteCapacityUnits: number;
    maxGlobalSecondaryIndexes: number;
  };
  /** The prefix each namespace's table names must start with (kratixDynamodb.tenancy.tableNamePrefix). */
  tableNamePrefix: TableNamePrefixRule;
};

export const DEFAULT_CAPACITY: CreateLimits['capacity'] = {
  maxReadCapacityUnits: 1000,
  maxWriteCapacityUnits: 1000,
  maxIndexReadCapacityUnits: 1000,
  maxIndexWriteCapacityUnits: 1000,
  maxGlobalSecondaryIndexes: 5,
};

/** The limits from config, with defaults that refuse rather than allow: no image is allowed until listed. */
export function readCreateLimits(config: Config): CreateLimits {
  const scaffolder = config.getOptionalConfig('kratixDynamodb.scaffolder');
  const capacity = scaffolder?.getOptionalConfig('capacity');
  const cap = (key: keyof CreateLimits['capacity']) =>
    capacity?.getOptionalNumber(key) ?? DEFAULT_CAPACITY[key];
  return {
    refusedNamespaces: scaffolder?.getOptionalStringArray(
      'refusedNamespaces',
    ) ?? [...DEFAULT_REFUSED_NAMESPACES],
    allowedImages: scaffolder?.getOptionalStringArray('allowedImages') ?? [],
    capacity: {
      maxReadCapacityUnits: cap('maxReadCapacityUnits'),
      maxWriteCapacityUnits: cap('maxWriteCapacityUnits'),
      maxIndexReadCapacityUnits: cap('maxIndexReadCapacityUnits'),
      maxIndexWriteCapacityUnits: cap('maxIndexWriteCapacityUnits'),
      maxGlobalSecondaryIndexes: cap('maxGlobalSecondaryIndexes'),
    },
    tableNamePrefix: readTableNamePrefix(config),
  };
}
