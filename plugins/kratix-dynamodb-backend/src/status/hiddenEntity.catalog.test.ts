/*
 * A colleague asks for the card of an entity the catalog hides from them, by its name. A real
 * backend (startTestBackend) runs the real catalog, the permission backend with a policy under
 * which only Bob may read the catalog, the real permissions client and this plugin. The route
 * reads entities with its own credentials and keeps them for a while, so the attack comes
 * right after the owner's view has put the entity in that cache: only the catalog's read
 * permission stands between the colleague and the card.
 *
 * The policy decides on the user, not per entity with the catalog's isEntityOwner condition (a
 * policy never sees the ref; conditions are applied by the catalog when the permission backend
 * calls it on the user's behalf, which the mock auth service cannot express: it drops the
 * calling plugin, and the catalog refuses such a call). That path is Backstage's own.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';

jest.setTimeout(60_000);

const BOB = 'user:default/bob';
const MALLORY = 'user:default/mallory';

const bobsTable: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'bobs-orders',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': 'url:http://127.0.0.1/bobs-orders',
      'backstage.io/managed-by-origin-location':
        'url:http://127.0.0.1/bobs-orders',
    },
  },
  spec: { type: 'dynamodb-table', owner: BOB },
};

/** Puts Bob's table into the catalog, as any entity provider would. */
const bobsTableProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bobs-table',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'bobs-table',
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: [{ entity: bobsTable, locationKey: 'bobs-table' }],
            });
          },
        });
      },
    });
  },
});

/** Only Bob may read catalog entities; everything else is allowed to everyone. */
const bobOnlyPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'bob-only',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(query, user) {
            const readsCatalog = isPermission(
              query.permission,
              catalogEntityReadPermission,
            );
            return {
              result:
                readsCatalog && user?.info.userEntityRef !== BOB
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            };
          },
        });
      },
    });
  },
});

describe('the card of an entity the catalog hides from the caller', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const card = (user: string, name: string) =>
    request(backend.server)
      .get(`/api/kratix-dynamodb/status/default/resource/${name}`)
      .set('Authorization', mockCredentials.user.header(user));

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        import('@backstage/plugin-catalog-backend'),
        bobsTableProvider,
        import('@backstage/plugin-permission-backend'),
        bobOnlyPolicy,
        permissionsServiceFactory,
        kratixDynamoDBPlugin,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kratixDynamodb: {
              clusters: [
                {
                  name: 'sandbox',
                  url: 'http://127.0.0.1:9',
                  auth: { serviceAccountToken: 'not-used' },
                },
              ],
            },
          },
        }),
      ],
    });
    // The catalog processes and stitches the provider's entity in the background.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await card(BOB, 'bobs-orders');
      if (res.status === 200) break;
      if (Date.now() > deadline)
        throw new Error(
          `Bob's card never opened: ${res.status} ${JSON.stringify(res.body)}`,
        );
      await new Promise(r => setTimeout(r, 200));
    }
  });
  afterAll(() => backend?.stop());

  it('shows the owner the card', async () => {
    const res = await card(BOB, 'bobs-orders');
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('resource:default/bobs-orders');
  });

  it('answers a colleague exactly as for an entity that does not exist, right after the owner viewed it', async () => {
    expect((await card(BOB, 'bobs-orders')).status).toBe(200);
    const hidden = await card(MALLORY, 'bobs-orders');
    const missing = await card(MALLORY, 'nobodys-orders');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error).toEqual({
      ...missing.body.error,
      message: 'No catalog entity resource:default/bobs-orders',
    });
    expect(JSON.stringify(hidden.body)).not.toContain(BOB);
  });
});
