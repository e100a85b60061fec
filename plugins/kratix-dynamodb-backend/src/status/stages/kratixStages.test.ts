import { promiseStage } from './promiseStage';
import { requestStage } from './requestStage';
import { workflowStage } from './workflowStage';

const now = new Date('2026-03-16T12:00:00Z');
const longAgo = '2026-03-16T11:00:00Z';
const justNow = '2026-03-16T11:59:50Z';
const graceMs = 60_000;

const succeededRequest = {
  metadata: { name: 'orders', namespace: 'default', creationTimestamp: longAgo },
  status: {
    message: 'Resource requested',
    kratix: { workflows: { pipelines: [{ name: 'instance-configure', phase: 'Succeeded' }] } },
    conditions: [
      { type: 'ConfigureWorkflowCompleted', status: 'True', reason: 'PipelinesExecutedSuccessfully', message: 'Pipelines completed' },
      { type: 'WorksSucceeded', status: 'True', reason: 'WorksSucceeded', message: 'All works associated with this resource are ready' },
      { type: 'Reconciled', status: 'True', reason: 'Reconciled', message: 'Reconciled' },
    ],
  },
};

describe('promiseStage', () => {
  it('says Kratix is not installed when the Promise API is missing', () => {
    const stage = promiseStage({ kind: 'missing-api' });
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/Kratix is not installed/);
    expect(stage.hint).toMatch(/Install Kratix/);
  });

  it('says the Promise is not applied when Kratix is there but the Promise is not', () => {
    expect(promiseStage({ kind: 'absent' }).summary).toMatch(/aws-dynamodb-kratix Promise is not installed/);
  });

  it('is ok when Kratix marks the Promise Available, and an error when Unavailable', () => {
    const available = { metadata: {}, status: { status: 'Available', conditions: [{ type: 'Available', status: 'True', reason: 'PromiseAvailable' }] } };
    expect(promiseStage({ kind: 'found', object: available }).state).toBe('ok');
    const unavailable = { metadata: {}, status: { status: 'Unavailable', conditions: [{ type: 'Available', status: 'False', reason: 'PromiseUnavailable', message: 'Cannot fulfil resource requests' }] } };
    const stage = promiseStage({ kind: 'found', object: unavailable });
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe('Unavailable: Cannot fulfil resource requests');
  });
});

describe('requestStage', () => {
  it('diagnoses a missing Kratix controller when a request has no status after the grace period', () => {
    const stage = requestStage({ metadata: { name: 'orders', creationTimestamp: longAgo } }, 'default/orders', now, graceMs);
    expect(stage.state).toBe('error');
    expect(stage.summary).toMatch(/No Kratix controller has reconciled/);
  });

  it('waits during the grace period', () => {
    expect(requestStage({ metadata: { name: 'orders', creationTimestamp: justNow } }, 'default/orders', now, graceMs).state).toBe('progressing');
  });

  it('is ok once reconciled, with the message the pipeline wrote', () => {
    const stage = requestStage(succeededRequest, 'default/orders', now, graceMs);
    expect(stage).toMatchObject({ state: 'ok', summary: 'Resource requested' });
  });

  it('reports a request that does not exist', () => {
    expect(requestStage(undefined, 'default/orders', now, graceMs).summary).toMatch(/does not exist/);
  });
});

describe('workflowStage', () => {
  it('is ok when the configure pipeline succeeded', () => {
    expect(workflowStage(succeededRequest).state).toBe('ok');
  });

  it('reports a failed workflow with the pipeline message', () => {
    const failed = {
      ...succeededRequest,
      status: {
        message: 'keySchema[1].keyType: a table has one HASH key',
        kratix: { workflows: { pipelines: [{ name: 'instance-configure', phase: 'Failed' }] } },
        conditions: [{ type: 'ConfigureWorkflowCompleted', status: 'False', reason: 'ConfigureWorkflowFailed', message: 'Pipeline failed' }],
      },
    };
    const stage = workflowStage(failed);
    expect(stage.state).toBe('error');
    expect(stage.summary).toBe('The configure workflow failed: keySchema[1].keyType: a table has one HASH key');
  });

  it('is progressing while the pipeline runs', () => {
    const running = {
      ...succeededRequest,
      status: { message: 'Pending', conditions: [{ type: 'ConfigureWorkflowCompleted', status: 'False', reason: 'PipelinesInProgress' }] },
    };
    expect(workflowStage(running).state).toBe('progressing');
  });
});
