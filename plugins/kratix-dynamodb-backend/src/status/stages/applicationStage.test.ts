import { applicationStage } from './applicationStage';

describe('applicationStage', () => {
  const app = (status: any) => ({
    metadata: { name: 'session-app', namespace: 'default' },
    status,
  });

  it('is ok when running with healthy services', () => {
    const stage = applicationStage(
      app({
        status: 'running',
        services: [
          { name: 'session-api', healthy: true, message: 'Ready:1/1' },
        ],
      }),
      'default/session-app',
    );
    expect(stage).toMatchObject({
      state: 'ok',
      summary: 'running; session-api Ready:1/1',
    });
  });

  it('reports an unhealthy application with the Ready count', () => {
    const stage = applicationStage(
      app({
        status: 'unhealthy',
        services: [
          { name: 'session-api', healthy: false, message: 'Ready:0/1' },
        ],
      }),
      'default/session-app',
    );
    expect(stage).toMatchObject({
      state: 'error',
      summary: 'unhealthy: session-api Ready:0/1',
    });
  });

  it('reports a failed deploy workflow with its step', () => {
    const stage = applicationStage(
      app({
        status: 'workflowFailed',
        workflow: {
          steps: [
            {
              name: 'cache',
              phase: 'failed',
              message: 'unknown component type redis',
            },
          ],
        },
      }),
      'default/session-app',
    );
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/step cache: unknown component type redis/);
  });

  it('is progressing while the first deploy waits for health', () => {
    const stage = applicationStage(
      app({
        status: 'runningWorkflow',
        workflow: {
          steps: [
            {
              name: 'session-api',
              phase: 'running',
              reason: 'Wait',
              message: 'wait healthy',
            },
          ],
        },
      }),
      'default/session-app',
    );
    expect(stage).toMatchObject({
      state: 'progressing',
      summary: 'runningWorkflow: wait healthy',
    });
  });
});
