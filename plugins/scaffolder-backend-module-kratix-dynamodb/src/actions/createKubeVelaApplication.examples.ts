import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (input: Record<string, unknown>) =>
  stringify({
    steps: [
      {
        id: 'deploy',
        action: 'kubevela:application:create',
        name: 'Deploy the application with its table',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      'The session-api with its session table, waiting until KubeVela reports it running and healthy',
    example: step({
      cluster: 'sandbox',
      namespace: 'default',
      name: 'session-api-app',
      owner: 'group:default/guests',
      table: {
        componentName: 'session-api-sessions',
        tableName: 'session-api-sessions',
        region: 'us-east-1',
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
        deletionPolicy: 'retain',
      },
      services: [
        {
          name: 'session-api',
          image: 'session-api:latest',
          ports: [{ port: 8080, expose: true }],
          env: [
            { name: 'DYNAMODB_TABLE_NAME', value: 'session-api-sessions' },
            { name: 'AWS_REGION', value: 'us-east-1' },
            { name: 'SESSION_TTL_HOURS', value: '24' },
            { name: 'PORT', value: '8080' },
          ],
          readinessProbe: { path: '/ready' },
          livenessProbe: { path: '/health' },
          replicas: 1,
          cpu: '250m',
          memory: '256Mi',
        },
      ],
      waitForReady: true,
      timeoutSeconds: 600,
    }),
  },
  {
    description:
      'A table-only Application written into the workspace for a GitOps publish step',
    example: step({
      cluster: 'sandbox',
      name: 'reports',
      table: {
        componentName: 'reports-table',
        tableName: 'reports',
        billingMode: 'PROVISIONED',
        attributeDefinitions: [{ name: 'reportId', type: 'S' }],
        keySchema: [{ attributeName: 'reportId', keyType: 'HASH' }],
        provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 },
      },
      delivery: 'workspace',
    }),
  },
];
