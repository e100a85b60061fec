import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleKratixDynamodb } from './module';
import { createKratixDynamodbActions } from './actions';

describe('scaffolderModuleKratixDynamodb', () => {
  it('adds its actions to the scaffolder extension point', async () => {
    const added: string[] = [];
    await startTestBackend({
      extensionPoints: [
        [scaffolderActionsExtensionPoint, { addActions: (...a: { id: string }[]) => added.push(...a.map(x => x.id)) }],
      ],
      features: [scaffolderModuleKratixDynamodb],
    });
    expect(added).toEqual(createKratixDynamodbActions().map(a => a.id));
  });
});
