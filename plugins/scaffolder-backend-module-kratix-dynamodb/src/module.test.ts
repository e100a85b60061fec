import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { kratixDynamoDBRequestCreatePermission } from '@kratix-dynamodb/common';
import type { AddressInfo } from 'node:net';
import { scaffolderModuleKratixDynamoDB } from './module';

/** A backend with this module alone: no scaffolder plugin and no kratix-dynamodb backend. */
async function startModuleOnly() {
  const added: string[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...a: { id: string }[]) =>
            added.push(...a.map(x => x.id)),
        },
      ],
    ],
    features: [
      scaffolderModuleKratixDynamoDB,
      mockServices.rootConfig.factory({
        data: {
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: 'http://127.0.0.1:1',
                authProvider: 'localKubectlProxy',
              },
            ],
          },
        },
      }),
      mockServices.permissions.factory(),
    ],
  });
  return { backend, added };
}

describe('scaffolderModuleKratixDynamoDB', () => {
  it('adds its actions to the scaffolder, built from the config and the permissions service', async () => {
    const { backend, added } = await startModuleOnly();
    expect(added).toEqual([
      'kratix:dynamodb:create',
      'kubevela:application:create',
      'kratix:resource:create',
    ]);
    await backend.stop();
  });

  it('registers the create permission that its actions check, with its resource type and rules, with the scaffolder', async () => {
    const { backend } = await startModuleOnly();
    const { port } = backend.server.address() as AddressInfo;
    const res = await fetch(
      `http://localhost:${port}/api/scaffolder/.well-known/backstage/permissions/metadata`,
    );
    expect(res.status).toBe(200);
    const metadata = (await res.json()) as {
      permissions: unknown[];
      rules: Array<{ name: string; resourceType: string }>;
    };
    expect(metadata.permissions).toEqual([
      expect.objectContaining({
        name: kratixDynamoDBRequestCreatePermission.name,
        type: 'resource',
        resourceType: 'kratix-dynamodb-namespace',
      }),
    ]);
    // The rules a policy can put in a conditional decision for it.
    expect(
      metadata.rules
        .filter(r => r.resourceType === 'kratix-dynamodb-namespace')
        .map(r => r.name)
        .sort(),
    ).toEqual(['IS_CLUSTER', 'IS_NAMESPACE_OWNER', 'NAMESPACE_MATCHES']);
    await backend.stop();
  });
});
