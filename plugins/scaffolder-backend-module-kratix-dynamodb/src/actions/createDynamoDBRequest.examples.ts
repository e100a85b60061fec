import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (input: Record<string, unknown>) =>
  stringify({
    steps: [
      {
        id: 'create',
        action: 'kratix:dynamodb:create',
        name: 'Request the DynamoDB table',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'An on-demand table with a partition key, and a wait until it is ACTIVE',
    example: step({
      cluster: 'sandbox',
      namespace: 'team-a',
      name: 'carts',
      tableName: 'team-a-carts',
      region: 'eu-west-1',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{ name: 'cartId', type: 'S' }],
      keySchema: [{ attributeName: 'cartId', keyType: 'HASH' }],
      owner: 'group:default/team-a',
      waitForReady: true,
      timeoutSeconds: 300,
    }),
  },
  {
    description:
      'The session table: id partition key, a userId index and time to live on expiresAt',
    example: step({
      cluster: 'sandbox',
      name: 'sessions',
      tableName: 'sessions',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [
        { name: 'id', type: 'S' },
        { name: 'userId', type: 'S' },
      ],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      globalSecondaryIndexes: [
        {
          indexName: 'userId-index',
          keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
          projection: { projectionType: 'ALL' },
        },
      ],
      timeToLive: { attributeName: 'expiresAt', enabled: true },
      tags: { app: 'session-api' },
      deletionPolicy: 'retain',
      owner: 'group:default/guests',
    }),
  },
  {
    description:
      'A provisioned table with a sort key and an INCLUDE index with its own capacity',
    example: step({
      cluster: 'sandbox',
      namespace: 'shop',
      name: 'orders',
      tableName: 'orders',
      region: 'us-east-2',
      billingMode: 'PROVISIONED',
      attributeDefinitions: [
        { name: 'customerId', type: 'S' },
        { name: 'orderDate', type: 'N' },
        { name: 'status', type: 'S' },
      ],
      keySchema: [
        { attributeName: 'customerId', keyType: 'HASH' },
        { attributeName: 'orderDate', keyType: 'RANGE' },
      ],
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
      globalSecondaryIndexes: [
        {
          indexName: 'status-index',
          keySchema: [{ attributeName: 'status', keyType: 'HASH' }],
          projection: {
            projectionType: 'INCLUDE',
            nonKeyAttributes: ['total'],
          },
          provisionedThroughput: {
            readCapacityUnits: 2,
            writeCapacityUnits: 2,
          },
        },
      ],
    }),
  },
  {
    description:
      'Write the request into the workspace for a GitOps publish step instead of applying it',
    example: step({
      cluster: 'sandbox',
      name: 'audit-log',
      tableName: 'audit-log',
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{ name: 'eventId', type: 'S' }],
      keySchema: [{ attributeName: 'eventId', keyType: 'HASH' }],
      delivery: 'workspace',
      targetPath: 'kratix/audit-log.yaml',
    }),
  },
];
