/** The clock and the Kratix-written request that the request and workflow stage tests share. */

export const now = new Date('2026-03-16T12:00:00Z');
export const longAgo = '2026-03-16T11:00:00Z';
export const justNow = '2026-03-16T11:59:50Z';
export const graceMs = 60_000;

export const succeededRequest = {
  metadata: {
    name: 'orders',
    namespace: 'default',
    creationTimestamp: longAgo,
  },
  status: {
    message: 'Resource requested',
    kratix: {
      workflows: {
        pipelines: [{ name: 'instance-configure', phase: 'Succeeded' }],
      },
    },
    conditions: [
      {
        type: 'ConfigureWorkflowCompleted',
        status: 'True',
        reason: 'PipelinesExecutedSuccessfully',
        message: 'Pipelines completed',
      },
      {
        type: 'WorksSucceeded',
        status: 'True',
        reason: 'WorksSucceeded',
        message: 'All works associated with this resource are ready',
      },
      {
        type: 'Reconciled',
        status: 'True',
        reason: 'Reconciled',
        message: 'Reconciled',
      },
    ],
  },
};
