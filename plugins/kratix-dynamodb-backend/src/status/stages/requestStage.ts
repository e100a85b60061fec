import { conditionsOf, StatusStage } from '@kratix-dynamodb/common';
import { isPastGrace } from '../conditions';

export type RequestObject = {
  metadata: { name: string; namespace?: string; creationTimestamp?: string };
  spec?: any;
  status?: any;
};

/**
 * Whether Kratix has picked the request up. A request with no status at all after the grace
 * period means no Kratix controller is reconciling it (CRD installed, operator missing).
 */
export function requestStage(
  request: RequestObject | undefined,
  ref: string,
  now: Date,
  graceMs: number,
  kind = 'DynamoDBRequest',
): StatusStage {
  const id = 'request';
  if (!request) {
    return {
      id,
      state: 'error',
      conditions: [],
      links: [],
      summary: `${kind} ${ref} does not exist on the cluster`,
      hint: 'Create it again from the template, or check that the entity points at the right cluster and namespace',
    };
  }
  const conditions = conditionsOf(request);
  const status = request.status;
  if (!status || Object.keys(status).length === 0) {
    if (isPastGrace(request.metadata.creationTimestamp, now, graceMs)) {
      return {
        id,
        state: 'error',
        conditions,
        links: [],
        summary:
          'No Kratix controller has reconciled this request (it has no status)',
        hint: 'Check that the Kratix operator is running: kubectl get pods -n kratix-platform-system',
        since: request.metadata.creationTimestamp,
      };
    }
    return {
      id,
      state: 'progressing',
      conditions,
      links: [],
      summary: 'Waiting for Kratix to pick up the request',
      since: request.metadata.creationTimestamp,
    };
  }
  const message =
    typeof status.message === 'string' ? status.message : 'Requested';
  const reconciled = conditions.find(c => c.type === 'Reconciled');
  const failed = conditions.find(
    c => c.status === 'False' && /Failed|Failing/.test(c.reason ?? ''),
  );
  if (failed) {
    return {
      id,
      state: 'error',
      conditions,
      links: [],
      since: failed.lastTransitionTime,
      summary: `${message}`,
      hint: 'See the workflow stage for the failure, fix the request and re-apply it',
    };
  }
  if (reconciled?.status === 'True') {
    return {
      id,
      state: 'ok',
      summary: message,
      conditions,
      links: [],
      since: reconciled.lastTransitionTime,
    };
  }
  return { id, state: 'progressing', summary: message, conditions, links: [] };
}
