import type { Config } from '@backstage/config';
import type { TableNamePrefixRule } from '@kratix-dynamodb/common';

const KEY = 'kratixDynamodb.tenancy.tableNamePrefix';

/**
 * `kratixDynamodb.tenancy.tableNamePrefix`: a template for every namespace
 * (`'{namespace}-'`), or a map of namespace to prefix; absent, no prefix is asked for.
 * Read in one place so that the scaffolder's actions and POST /validate ask for the same.
 * @public
 */
export function readTableNamePrefix(config: Config): TableNamePrefixRule {
  const value = config.getOptional(KEY);
  if (value === undefined) return { kind: 'none' };
  if (typeof value === 'string') return { kind: 'template', template: value };
  const byNamespace = config.getConfig(KEY);
  const prefixes: Record<string, string> = {};
  // getString names the key of a value that is not a string.
  for (const namespace of byNamespace.keys())
    prefixes[namespace] = byNamespace.getString(namespace);
  return { kind: 'perNamespace', prefixes };
}
