/**
 * A policy grants create conditionally: team a may create only on the cluster `sandbox`, and
 * only in namespaces the tenancy binding gives team a. Alice, of team a, then tries the
 * action in team b's namespace and on another cluster. A real backend (startTestBackend) runs
 * this module, the permission backend with that policy and the real permissions client; the
 * action runs against the sandbox cluster, and whatever it refuses must not exist there.
 * The binding comes from config (`tenancy.namespaces`) or from a namespace label
 * (`tenancy.namespaceLabel`, read through the shared informers): the same attacks, both ways.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  DYNAMODB_REQUEST_GVK,
  kratixDynamoDBRequestCreatePermission,
} from '@kratix-dynamodb/common';
import {
  createKratixDynamoDBCreateConditionalDecision,
  kratixDynamoDBCreateConditions,
} from '@kratix-dynamodb/node';
import { scaffolderModuleKratixDynamoDB } from './module';
import { actionContext } from './__testUtils__/actionTestKit';
import { authWithActorsServiceFactory } from './__testUtils__/authWithActors';
import { tableActionInput } from './__testUtils__/actionInputs';
import {
  SandboxActions,
  startSandboxForActions,
} from './__testUtils__/sandboxActions';

jest.setTimeout(60_000);

const NAMESPACE_GVK = { group: '', version: 'v1', kind: 'Namespace' };

/** Alice is in team a, Bob in team b: what the catalog would say of them. */
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const user: string = credentials.principal.userEntityRef;
      const team = user === 'user:default/alice' ? 'team-a' : 'team-b';
      return {
        userEntityRef: user,
        ownershipEntityRefs: [user, `group:default/${team}`],
      };
    },
  }),
});

/** The policy from the README's example: own namespaces, on the sandbox cluster only. */
const teamPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'team-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(request, user) {
            if (
              isResourcePermission(
                request.permission,
                kratixDynamoDBRequestCreatePermission.resourceType,
              )
            ) {
              return createKratixDynamoDBCreateConditionalDecision(
                request.permission,
                {
                  allOf: [
                    kratixDynamoDBCreateConditions.isCluster({
                      clusters: ['sandbox'],
                    }),
                    kratixDynamoDBCreateConditions.isNamespaceOwner({
                      claims: user?.info.ownershipEntityRefs ?? [],
                    }),
                  ],
                },
              );
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

const OWNER_LABEL = 'backstage.io/owner';

/** The two ways to bind team-a and team-b to their namespaces. */
const bindings = [
  {
    binding: 'tenancy.namespaces in config',
    tenancy: {
      namespaces: {
        'team-a': ['group:default/team-a'],
        'team-b': ['group:default/team-b'],
      },
    },
    labels: (_team: string): Record<string, string> => ({}),
  },
  {
    binding: `the namespace label ${OWNER_LABEL}`,
    tenancy: { namespaceLabel: OWNER_LABEL },
    labels: (team: string): Record<string, string> => ({ [OWNER_LABEL]: team }),
  },
];

describe.each(bindings)(
  'a conditional create permission, applied by the actions to cluster and namespace, bound by $binding',
  ({ tenancy, labels }) => {
    let harness: SandboxActions;
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const actions: TemplateAction<any, any, any>[] = [];

    beforeAll(async () => {
      harness = await startSandboxForActions();
      for (const name of ['team-a', 'team-b']) {
        await harness.client.create(NAMESPACE_GVK, {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name, labels: labels(name) },
        });
      }
      const cluster = (name: string) => ({
        name,
        url: harness.sandbox.plainHttpUrl,
        auth: { serviceAccountToken: harness.sandbox.token },
      });
      backend = await startTestBackend({
        extensionPoints: [
          [
            scaffolderActionsExtensionPoint,
            { addActions: (...added: any[]) => actions.push(...added) },
          ],
        ],
        features: [
          scaffolderModuleKratixDynamoDB,
          import('@backstage/plugin-permission-backend'),
          teamPolicy,
          permissionsServiceFactory,
          authWithActorsServiceFactory,
          userInfo,
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              kratixDynamodb: {
                // Two names for one cluster: a refusal of `other` is the policy's doing alone.
                clusters: [cluster('sandbox'), cluster('other')],
                defaults: { region: 'us-east-1' },
                tenancy,
              },
            },
          }),
        ],
      });
    });
    afterAll(async () => {
      await backend?.stop();
      await harness?.sandbox.stop();
    });

    const createRequest = () =>
      actions.find(a => a.id === 'kratix:dynamodb:create')!;
    const exists = async (namespace: string, name: string) =>
      (await harness.client.get(DYNAMODB_REQUEST_GVK, namespace, name)) !==
      undefined;
    const run = (
      user: string,
      input: { cluster: string; namespace: string; name: string },
      isDryRun = false,
    ) =>
      createRequest().handler(
        actionContext(
          tableActionInput({
            ...input,
            tableName: `${input.namespace}-${input.name}`,
          }),
          {
            isDryRun,
            getInitiatorCredentials: async () => mockCredentials.user(user),
          },
        ).ctx,
      );

    it("refuses alice (team a) in team b's namespace, applied or dry run, and creates nothing", async () => {
      for (const isDryRun of [true, false]) {
        const attempt = run(
          'user:default/alice',
          { cluster: 'sandbox', namespace: 'team-b', name: 'stolen-orders' },
          isDryRun,
        );
        await expect(attempt).rejects.toThrow(NotAllowedError);
        await expect(attempt).rejects.toThrow(
          'You are not allowed to create in namespace team-b on cluster sandbox (permission kratix.dynamodb.request.create)',
        );
      }
      expect(await exists('team-b', 'stolen-orders')).toBe(false);
    });

    it('refuses alice in her own namespace on a cluster the policy does not name', async () => {
      await expect(
        run('user:default/alice', {
          cluster: 'other',
          namespace: 'team-a',
          name: 'elsewhere-orders',
        }),
      ).rejects.toThrow(
        'You are not allowed to create in namespace team-a on cluster other',
      );
      expect(await exists('team-a', 'elsewhere-orders')).toBe(false);
    });

    it('refuses a namespace bound to nobody, which no team owns', async () => {
      await expect(
        run('user:default/alice', {
          cluster: 'sandbox',
          namespace: 'default',
          name: 'unowned-orders',
        }),
      ).rejects.toThrow(NotAllowedError);
      expect(await exists('default', 'unowned-orders')).toBe(false);
    });

    it('allows alice in her own namespace on the named cluster, and bob in his', async () => {
      await run('user:default/alice', {
        cluster: 'sandbox',
        namespace: 'team-a',
        name: 'orders',
      });
      await run('user:default/bob', {
        cluster: 'sandbox',
        namespace: 'team-b',
        name: 'orders',
      });
      expect(await exists('team-a', 'orders')).toBe(true);
      expect(await exists('team-b', 'orders')).toBe(true);
    });
  },
);
