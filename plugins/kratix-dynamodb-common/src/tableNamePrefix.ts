/**
 * The optional table-name prefix of each namespace (`kratixDynamodb.tenancy.tableNamePrefix`).
 * Table names are global per AWS account and region, so a platform team that gives each
 * namespace its own prefix keeps one team from taking, or squatting on, another's names.
 * Either one template for every namespace (`{namespace}` stands for the namespace), or a
 * prefix per namespace (a namespace left out has none).
 * @public
 */
export type TableNamePrefixRule =
  | { kind: 'none' }
  | { kind: 'template'; template: string }
  | { kind: 'perNamespace'; prefixes: Readonly<Record<string, string>> };

/** @public The prefix a table name in this namespace must start with, if any. */
export function expectedTableNamePrefix(
  rule: TableNamePrefixRule,
  namespace: string,
): string | undefined {
  switch (rule.kind) {
    case 'template':
      return rule.template.split('{namespace}').join(namespace) || undefined;
    case 'perNamespace':
      return Object.prototype.hasOwnProperty.call(rule.prefixes, namespace)
        ? rule.prefixes[namespace] || undefined
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Why a table name may not be used in a namespace under the prefix rule (a message that
 * names the expected prefix and where it is configured), or undefined when it may.
 * @public
 */
export function tableNamePrefixProblem(
  rule: TableNamePrefixRule,
  namespace: string,
  tableName: string,
): string | undefined {
  const prefix = expectedTableNamePrefix(rule, namespace);
  if (prefix === undefined || tableName.startsWith(prefix)) return undefined;
  return `must start with '${prefix}' in namespace ${namespace} (kratixDynamodb.tenancy.tableNamePrefix)`;
}
