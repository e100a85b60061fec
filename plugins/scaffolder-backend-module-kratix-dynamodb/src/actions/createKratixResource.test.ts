import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { createKratixResourceAction } from './createKratixResource';

describe('kratix:resource:create without a reachable cluster', () => {
  // Nothing listens on port 1: the cluster cannot be reached.
  const deps = actionDependencies('http://127.0.0.1:1');
  const input = {
    promise: 'object-bucket',
    cluster: 'sandbox',
    name: 'assets',
    spec: { name: 'assets-bucket', quota: '1Gi' },
  };

  it('lets a dry run pass on the target alone, saying that the spec was not checked', async () => {
    const { ctx, logLines, outputs } = actionContext(input, {
      isDryRun: true,
    });
    await createKratixResourceAction(deps).handler(ctx);
    expect(logLines()).toEqual([
      expect.stringMatching(
        /^warn: dry run: .*; without the object-bucket Promise's API only the target was checked; nothing was created$/,
      ),
    ]);
    expect(outputs()).toEqual({
      requestRef: 'sandbox/default/assets',
      cluster: 'sandbox',
      entityRef: 'resource:default/assets_sandbox',
    });
  });

  it('fails a real run, since the Promise decides what the request may hold', async () => {
    const { ctx } = actionContext(input);
    await expect(
      createKratixResourceAction(deps).handler(ctx),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it('refuses a bad target before it touches any cluster', async () => {
    const { ctx } = actionContext({
      ...input,
      cluster: 'elsewhere',
      name: 'Bad',
    });
    await expect(createKratixResourceAction(deps).handler(ctx)).rejects.toThrow(
      /^kratix:resource:create was given 2 invalid inputs; nothing was created:\ncluster: 'elsewhere' is not a configured cluster; choose one of: sandbox\nname: /,
    );
  });
});
