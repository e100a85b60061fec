import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  actionContext,
  actionDependencies,
} from '../__testUtils__/actionTestKit';
import { createKubeVelaApplicationAction } from './createKubeVelaApplication';
import { ReadinessTimeoutError } from './readiness/waitForReadiness';
import { applicationActionInput } from '../__testUtils__/actionInputs';

const anInput = (overrides: Record<string, unknown> = {}) =>
  applicationActionInput({
    waitForReady: true,
    timeoutSeconds: 1,
    ...overrides,
  });

describe('kubevela:application:create with waitForReady', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await FakeKubernetesApi.start();
  });
  afterEach(() => api.close());

  it('waits until KubeVela reports the Application running with every component healthy', async () => {
    // Plays KubeVela: the workflow runs, the table turns healthy, then the service.
    api.onCreate = (_, app) => {
      app.status = {
        status: 'runningWorkflow',
        services: [{ name: 'session-table', healthy: true }],
      };
      setTimeout(() => {
        app.status = {
          status: 'running',
          services: [
            { name: 'session-table', healthy: true },
            { name: 'session-api', healthy: true, message: 'Ready:1/1' },
          ],
        };
      }, 100);
    };
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const { ctx, logLines } = actionContext(anInput({ timeoutSeconds: 10 }));
    await action.handler(ctx);

    expect(logLines().slice(2)).toEqual([
      "info: waiting: for Application default/session-api-app on cluster 'sandbox' to become ready (up to 10s)",
      'info: waiting: reached Application status running',
      'info: waiting: reached all 2 components healthy',
      "info: ready: Application default/session-api-app on cluster 'sandbox'",
    ]);
  });

  it('times out naming the unhealthy component, and leaves the Application in place', async () => {
    api.onCreate = (_, app) => {
      app.status = {
        status: 'runningWorkflow',
        services: [
          { name: 'session-table', healthy: true },
          { name: 'session-api', healthy: false, message: 'Ready:0/1' },
        ],
      };
    };
    const action = createKubeVelaApplicationAction(actionDependencies(api.url));
    const run = action.handler(actionContext(anInput()).ctx);
    await expect(run).rejects.toBeInstanceOf(ReadinessTimeoutError);
    await expect(run).rejects.toThrow(
      'Reached: nothing yet. Not reached: Application status running, all 2 components healthy ' +
        '(application status: runningWorkflow; session-api: unhealthy (Ready:0/1)). The objects exist and nothing was deleted',
    );
    expect(api.get('applications', 'default', 'session-api-app')).toBeDefined();
  });
});
