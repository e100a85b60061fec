import {
  applicationToEntity,
  dynamoDBRequestToEntity,
  usesDynamoDBComponent,
} from './clusterObjectsToEntities';

describe('clusterObjectsToEntities', () => {
  const request = {
    metadata: {
      name: 'orders',
      namespace: 'team-a',
      annotations: { 'kratix-dynamodb.io/owner': 'group:default/team-a' },
    },
    spec: { name: 'orders-table' },
  };

  it('turns a DynamoDBRequest into a dynamodb-table Resource linked to its request', () => {
    const entity = dynamoDBRequestToEntity('sandbox', request);
    expect(entity.kind).toBe('Resource');
    expect(entity.spec).toMatchObject({
      type: 'dynamodb-table',
      owner: 'group:default/team-a',
    });
    expect(entity.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/cluster': 'sandbox',
      'kratix-dynamodb.io/request': 'team-a/orders',
    });
  });

  it('turns only Applications with an aws-dynamodb-kratix component into Components', () => {
    const app = {
      metadata: { name: 'session-app', namespace: 'default' },
      spec: {
        components: [
          { name: 'sessions', type: 'aws-dynamodb-kratix' },
          { name: 'api', type: 'webservice' },
        ],
      },
    };
    expect(usesDynamoDBComponent(app)).toBe(true);
    expect(
      usesDynamoDBComponent({
        metadata: { name: 'x' },
        spec: { components: [{ name: 'w', type: 'webservice' }] },
      }),
    ).toBe(false);
    const entity = applicationToEntity('sandbox', app);
    expect(entity.spec).toMatchObject({
      type: 'service',
      dependsOn: ['resource:default/sessions'],
    });
    expect(
      entity.metadata.annotations?.['kratix-dynamodb.io/application'],
    ).toBe('default/session-app');
  });
});
