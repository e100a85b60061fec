/** Builds what an action test needs: the action's dependencies and a mock task context. */
import {
  createMockDirectory,
  mockServices,
  type MockDirectory,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import type { KratixDynamoDBActionDependencies } from '../actions';

export const TEST_CLUSTER = 'sandbox';

/** The dependencies, pointing the `sandbox` cluster at `url` with fast retries and polling. */
export function actionDependencies(
  url: string,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    token?: string;
  } = {},
): KratixDynamoDBActionDependencies {
  return {
    clients: new ClusterClientFactory(
      [
        {
          name: TEST_CLUSTER,
          url,
          auth: options.token
            ? {
                type: 'provider',
                provider: 'serviceAccount',
                metadata: { serviceAccountToken: options.token },
              }
            : { type: 'provider', provider: 'localKubectlProxy', metadata: {} },
          skipTLSVerify: false,
        },
      ],
      { backoffMs: 1, timeoutMs: 2000 },
    ),
    permissions: mockServices.permissions({
      result: options.permission ?? AuthorizeResult.ALLOW,
    }),
    config: new ConfigReader({
      kratixDynamodb: {
        defaults: { region: 'us-east-1', namespace: 'default' },
        scaffolder: { allowedImages: ['session-api:'] },
      },
    }),
    pollIntervalMs: 20,
  };
}

/** A scaffolder checkpoint store that survives between runs, as task recovery's does. */
export function checkpointStore() {
  const saved = new Map<string, unknown>();
  return async <T>({
    key,
    fn,
  }: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (saved.has(key)) return saved.get(key) as T;
    const value = await fn();
    saved.set(key, value);
    return value;
  };
}

/*
 * Backstage removes a mock directory when the test file ends only outside CI, and `npm test`
 * runs with CI set (scripts/test.js), so each run left its workspaces in the temp folder.
 */
const workspaces: MockDirectory[] = [];
afterAll(() => {
  for (const workspace of workspaces.splice(0)) workspace.remove();
});

/** A mock action context whose log lines and outputs a test can read back. */
export function actionContext(
  input: Record<string, unknown>,
  overrides: Partial<ActionContext<any, any>> = {},
) {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`);
  };
  const logger = mockServices.logger.mock({
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  });
  const workspace = createMockDirectory();
  workspaces.push(workspace);
  // createMockActionContext keeps only some fields (not isDryRun, checkpoint or signal),
  // so the overrides are laid over its result.
  const ctx = {
    ...createMockActionContext<any>({
      input,
      logger,
      workspacePath: workspace.path,
      task: { id: 'task-1' },
    }),
    ...overrides,
  } as ActionContext<any, any>;
  /** The log lines in the order they were written, as `level: message`. */
  const logLines = () => [...lines];
  const outputs = () =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  return { ctx, workspace, logLines, outputs };
}
