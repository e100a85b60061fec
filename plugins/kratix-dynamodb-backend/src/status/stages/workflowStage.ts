import {
  conditionsOf,
  findCondition,
  StatusStage,
} from '@kratix-dynamodb/common';
import { RequestObject } from './requestStage';

// Messages Kratix writes on its own; they say nothing about why a pipeline failed.
const GENERIC_MESSAGES = new Set([
  'Pending',
  'Resource requested',
  'Pipeline failed',
  'Pipelines completed',
  '',
]);

/** The pipeline's own words: what it wrote to status.yaml, else what Kratix put on the condition. */
function failureMessage(
  statusMessage: unknown,
  conditionMessage: string | undefined,
): string {
  for (const candidate of [statusMessage, conditionMessage]) {
    if (typeof candidate === 'string' && !GENERIC_MESSAGES.has(candidate))
      return candidate;
  }
  return 'the pipeline failed without a message';
}

/** The request's configure workflow, from Kratix's pipeline phases and conditions. */
export function workflowStage(request: RequestObject | undefined): StatusStage {
  const id = 'workflow';
  if (!request?.status) {
    return {
      id,
      state: 'unknown',
      summary: 'The workflow has not started',
      conditions: [],
      links: [],
      hint: 'It starts once Kratix reconciles the request',
    };
  }
  const conditions = conditionsOf(request).filter(
    c => c.type === 'ConfigureWorkflowCompleted' || c.type === 'WorksSucceeded',
  );
  const completed = findCondition(conditions, 'ConfigureWorkflowCompleted');
  const pipelines: Array<{ name: string; phase: string }> =
    request.status.kratix?.workflows?.pipelines ?? [];
  const failedPipeline = pipelines.find(p => p.phase === 'Failed');
  const details = Object.fromEntries(
    pipelines.map(p => [`pipeline ${p.name}`, p.phase]),
  );
  if (failedPipeline || completed?.reason === 'ConfigureWorkflowFailed') {
    const message = failureMessage(request.status.message, completed?.message);
    return {
      id,
      state: 'error',
      conditions,
      links: [],
      details,
      since: completed?.lastTransitionTime,
      summary: `The configure workflow failed: ${message}`,
      hint: 'Fix what the pipeline reports in the request spec and apply it again; the pipeline logs are in the workflow pod',
    };
  }
  if (completed?.status === 'True') {
    const works = findCondition(conditions, 'WorksSucceeded');
    if (works && works.status !== 'True') {
      return {
        id,
        state: 'warning',
        conditions,
        links: [],
        details,
        summary: `The workflow finished but its output is not applied yet (${works.reason})`,
        hint: 'Check the Destination that the Promise schedules to, and the state store it writes to',
      };
    }
    return {
      id,
      state: 'ok',
      summary: 'The configure workflow succeeded',
      conditions,
      links: [],
      details,
      since: completed.lastTransitionTime,
    };
  }
  return {
    id,
    state: 'progressing',
    summary: 'The configure workflow is running',
    conditions,
    links: [],
    details,
  };
}
