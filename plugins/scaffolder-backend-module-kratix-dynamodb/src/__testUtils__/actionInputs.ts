/** The smallest valid input of each action, for tests to vary one field at a time. */

export const tableActionInput = (overrides: Record<string, unknown> = {}) => ({
  cluster: 'sandbox',
  namespace: 'team-a',
  name: 'orders',
  tableName: 'team-a-orders',
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'orderId', type: 'S' }],
  keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
  owner: 'group:default/team-a',
  ...overrides,
});

export const applicationActionInput = (
  overrides: Record<string, unknown> = {},
) => ({
  cluster: 'sandbox',
  name: 'session-api-app',
  table: {
    componentName: 'session-table',
    tableName: 'sessions',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ name: 'id', type: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  },
  services: [
    {
      name: 'session-api',
      image: 'session-api:latest',
      ports: [{ port: 8080, expose: true }],
    },
  ],
  ...overrides,
});
