import {
  expectedTableNamePrefix,
  tableNamePrefixProblem,
  TableNamePrefixRule,
} from './tableNamePrefix';

describe('table name prefixes', () => {
  const template: TableNamePrefixRule = {
    kind: 'template',
    template: '{namespace}-',
  };
  const perNamespace: TableNamePrefixRule = {
    kind: 'perNamespace',
    prefixes: { 'team-a': 'a_', 'team-b': 'bee.' },
  };

  it('fills the namespace into a template', () => {
    expect(expectedTableNamePrefix(template, 'team-a')).toBe('team-a-');
    expect(tableNamePrefixProblem(template, 'team-a', 'team-a-orders')).toBe(
      undefined,
    );
  });

  it("refuses another team's prefix, naming the expected one", () => {
    expect(tableNamePrefixProblem(template, 'team-a', 'team-b-orders')).toBe(
      "must start with 'team-a-' in namespace team-a (kratixDynamodb.tenancy.tableNamePrefix)",
    );
    expect(tableNamePrefixProblem(template, 'team-a', 'orders')).toMatch(
      /'team-a-'/,
    );
  });

  it('takes a prefix per namespace, and none for a namespace left out', () => {
    expect(tableNamePrefixProblem(perNamespace, 'team-b', 'bee.orders')).toBe(
      undefined,
    );
    expect(tableNamePrefixProblem(perNamespace, 'team-b', 'a_orders')).toMatch(
      /'bee\.'/,
    );
    expect(expectedTableNamePrefix(perNamespace, 'team-c')).toBe(undefined);
    // Not a lookup on the prototype: `constructor` is no namespace with a prefix.
    expect(expectedTableNamePrefix(perNamespace, 'constructor')).toBe(
      undefined,
    );
  });

  it('asks for nothing without a rule', () => {
    expect(tableNamePrefixProblem({ kind: 'none' }, 'team-a', 'x')).toBe(
      undefined,
    );
  });
});
