import { ConfigReader } from '@backstage/config';
import { readTenancy } from '@kratix-dynamodb/node';
import {
  applicationToEntity,
  dynamoDBRequestToEntity,
  usesDynamoDBComponent,
} from './clusterObjectsToEntities';

const scope = {
  cluster: 'sandbox',
  tenancy: readTenancy(
    new ConfigReader({
      kratixDynamodb: {
        tenancy: {
          namespaces: {
            'team-a': ['group:default/team-a'],
            default: ['group:default/guests'],
          },
        },
      },
    }),
  ),
};

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
    const entity = dynamoDBRequestToEntity(scope, request);
    expect(entity.kind).toBe('Resource');
    expect(entity.metadata).toMatchObject({
      namespace: 'team-a',
      name: 'orders_sandbox',
      title: 'orders',
    });
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
    const entity = applicationToEntity(scope, app);
    expect(entity.metadata).toMatchObject({
      namespace: 'default',
      name: 'session-app_sandbox',
    });
    expect(entity.spec).toMatchObject({
      type: 'service',
      owner: 'group:default/guests',
      dependsOn: ['resource:default/sessions_sandbox'],
    });
    expect(
      entity.metadata.annotations?.['kratix-dynamodb.io/application'],
    ).toBe('default/session-app');
  });

  it('puts the entities in the System their objects name, and in none otherwise', () => {
    const inSessions = {
      metadata: {
        name: 'session-app',
        namespace: 'default',
        annotations: { 'kratix-dynamodb.io/system': 'sessions' },
      },
      spec: { components: [{ name: 'sessions', type: 'aws-dynamodb-kratix' }] },
    };
    expect(applicationToEntity(scope, inSessions).spec?.system).toBe(
      'sessions',
    );
    expect(
      dynamoDBRequestToEntity(scope, {
        ...request,
        metadata: {
          ...request.metadata,
          annotations: inSessions.metadata.annotations,
        },
      }).spec?.system,
    ).toBe('sessions');
    expect(dynamoDBRequestToEntity(scope, request).spec).not.toHaveProperty(
      'system',
    );
  });
});
