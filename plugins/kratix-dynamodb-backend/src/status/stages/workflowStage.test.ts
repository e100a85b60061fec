import { succeededRequest } from './__testUtils__/kratixRequests';
import { workflowStage } from './workflowStage';

describe('workflowStage', () => {
  it('is ok when the configure pipeline succeeded', () => {
    expect(workflowStage(succeededRequest).state).toBe('ok');
  });

  it('reports a failed workflow with the pipeline message', () => {
    const failed = {
      ...succeededRequest,
      status: {
        message: 'keySchema[1].keyType: a table has one HASH key',
        kratix: {
          workflows: {
            pipelines: [{ name: 'instance-configure', phase: 'Failed' }],
          },
        },
        conditions: [
          {
            type: 'ConfigureWorkflowCompleted',
            status: 'False',
            reason: 'ConfigureWorkflowFailed',
            message: 'Pipeline failed',
          },
        ],
      },
    };
    const stage = workflowStage(failed);
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe(
      'The configure workflow failed: keySchema[1].keyType: a table has one HASH key',
    );
  });

  it('is progressing while the pipeline runs', () => {
    const running = {
      ...succeededRequest,
      status: {
        message: 'Pending',
        conditions: [
          {
            type: 'ConfigureWorkflowCompleted',
            status: 'False',
            reason: 'PipelinesInProgress',
          },
        ],
      },
    };
    expect(workflowStage(running).state).toBe('progressing');
  });
});
