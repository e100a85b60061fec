import { ANNOTATIONS, LABELS } from '../constants';
import { InvalidDynamoDBRequestError, renderAckTable } from './renderAckTable';

const request = (
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
) => ({
  metadata: { name: 'orders-table', namespace: 'team-a', annotations },
  spec,
});

const provisioned = {
  name: 'orders',
  region: 'eu-west-1',
  billingMode: 'PROVISIONED',
  attributeDefinitions: [
    { name: 'customerId', type: 'S' },
    { name: 'orderDate', type: 'S' },
    { name: 'status', type: 'S' },
  ],
  keySchema: [
    { attributeName: 'customerId', keyType: 'HASH' },
    { attributeName: 'orderDate', keyType: 'RANGE' },
  ],
  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 3 },
  globalSecondaryIndexes: [
    {
      indexName: 'status-index',
      keySchema: [{ attributeName: 'status', keyType: 'HASH' }],
      projection: { projectionType: 'INCLUDE', nonKeyAttributes: ['total'] },
      provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 1 },
    },
  ],
  timeToLive: { attributeName: 'expiresAt', enabled: true },
  tags: { team: 'commerce', 'cost-center': '4711' },
  deletionPolicy: 'delete',
};

describe('renderAckTable', () => {
  it('maps every request field to its ACK field', () => {
    expect(renderAckTable(request(provisioned)).spec).toEqual({
      tableName: 'orders',
      attributeDefinitions: [
        { attributeName: 'customerId', attributeType: 'S' },
        { attributeName: 'orderDate', attributeType: 'S' },
        { attributeName: 'status', attributeType: 'S' },
      ],
      keySchema: [
        { attributeName: 'customerId', keyType: 'HASH' },
        { attributeName: 'orderDate', keyType: 'RANGE' },
      ],
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 3 },
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
            writeCapacityUnits: 1,
          },
        },
      ],
      timeToLive: { attributeName: 'expiresAt', enabled: true },
      // sorted by key, so the manifest does not change when the map's order does
      tags: [
        { key: 'cost-center', value: '4711' },
        { key: 'team', value: 'commerce' },
      ],
    });
  });

  it('names, places and labels the Table after the request', () => {
    const table = renderAckTable(request(provisioned));
    expect(table.apiVersion).toBe('dynamodb.services.k8s.aws/v1alpha1');
    expect(table.kind).toBe('Table');
    expect(table.metadata.name).toBe('orders-table');
    expect(table.metadata.namespace).toBe('team-a');
    expect(table.metadata.labels).toEqual({
      [LABELS.requestName]: 'orders-table',
      [LABELS.requestNamespace]: 'team-a',
      [LABELS.managedBy]: 'kratix',
    });
    expect(table.metadata.annotations).toEqual({
      [ANNOTATIONS.ackRegion]: 'eu-west-1',
      [ANNOTATIONS.ackDeletionPolicy]: 'delete',
    });
  });

  it('keeps the AWS table by default', () => {
    const { deletionPolicy, ...withoutPolicy } = provisioned;
    const table = renderAckTable(request(withoutPolicy));
    expect(table.metadata.annotations[ANNOTATIONS.ackDeletionPolicy]).toBe(
      'retain',
    );
  });

  it('carries the catalog links over from the request, and nothing else', () => {
    const table = renderAckTable(
      request(provisioned, {
        [ANNOTATIONS.entityRef]: 'resource:default/orders',
        [ANNOTATIONS.owner]: 'group:default/commerce',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      }),
    );
    expect(table.metadata.annotations).toEqual({
      [ANNOTATIONS.entityRef]: 'resource:default/orders',
      [ANNOTATIONS.owner]: 'group:default/commerce',
      [ANNOTATIONS.ackRegion]: 'eu-west-1',
      [ANNOTATIONS.ackDeletionPolicy]: 'delete',
    });
  });

  it('leaves out the optional fields a request does not set', () => {
    const table = renderAckTable(
      request({
        name: 'simple-table',
        region: 'us-east-1',
        billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      }),
    );
    expect(Object.keys(table.spec)).toEqual([
      'tableName',
      'attributeDefinitions',
      'keySchema',
      'billingMode',
    ]);
  });

  it('puts a request without a namespace in default', () => {
    const table = renderAckTable({
      metadata: { name: 'orders-table' },
      spec: provisioned,
    });
    expect(table.metadata.namespace).toBe('default');
    expect(table.metadata.labels[LABELS.requestNamespace]).toBe('default');
  });

  it('refuses an invalid spec with every error', () => {
    const broken = {
      ...provisioned,
      billingMode: 'PAY_PER_REQUEST',
      region: 'mars-1',
    };
    const thrown = (() => {
      try {
        renderAckTable(request(broken));
        return undefined;
      } catch (error) {
        return error as InvalidDynamoDBRequestError;
      }
    })();
    expect(thrown).toBeInstanceOf(InvalidDynamoDBRequestError);
    expect(thrown?.errors.map(e => e.path)).toEqual([
      'region',
      'provisionedThroughput',
      'globalSecondaryIndexes[0].provisionedThroughput',
    ]);
    expect(thrown?.message).toMatch(/^Invalid DynamoDBRequest: region: /);
  });
});
