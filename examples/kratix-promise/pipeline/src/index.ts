/**
 * The workflow pipeline of the aws-dynamodb-kratix Promise: DynamoDBRequest in, ACK Table
 * out. The container runs bin/pipeline; the sandbox calls runPipeline in-process.
 *
 * @packageDocumentation
 */
export { runPipeline, TABLE_MANIFEST_FILE } from './runPipeline';
export type { RunPipelineOptions, RunPipelineResult } from './runPipeline';
export {
  renderAckTable,
  renderAckTableSpec,
  InvalidDynamoDBRequestError,
  TABLE_MANAGED_BY,
} from './renderAckTable';
export type { PipelineRequest } from './renderAckTable';
export { KRATIX_FOLDERS } from './pipelinePaths';
export type { PipelineFolders, WorkflowAction } from './pipelinePaths';
export type * from './ackTable';
