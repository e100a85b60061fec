import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleKratixDynamodb } from './module';

describe('scaffolderModuleKratixDynamodb', () => {
  it('adds both actions to the scaffolder, built from the config and the permissions service', async () => {
    const added: string[] = [];
    await startTestBackend({
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
        scaffolderModuleKratixDynamodb,
        mockServices.rootConfig.factory({
          data: {
            kratixDynamodb: {
              clusters: [{ name: 'sandbox', url: 'http://127.0.0.1:1' }],
            },
          },
        }),
        mockServices.permissions.factory(),
      ],
    });
    expect(added).toEqual([
      'kratix:dynamodb:create',
      'kubevela:application:create',
    ]);
  });
});
