import { StatusStage } from '@kratix-dynamodb/common';
import { ChainReads, isReadable, splitRef } from '../ChainReads';
import { unknownStage } from '../conditions';
import { workflowStage } from './workflowStage';

/** The workflow stage from the status Kratix writes on the request at `requestRef`. */
export function readWorkflowStage(
  reads: ChainReads,
  requestRef: string,
): StatusStage {
  if (!isReadable(reads.requests))
    return unknownStage('workflow', 'The request could not be read');
  const { namespace, name } = splitRef(requestRef);
  return workflowStage(reads.requests.get(namespace, name));
}
