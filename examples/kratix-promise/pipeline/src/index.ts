/**
 * The workflow pipeline of the aws-dynamodb-kratix Promise: DynamoDBRequest in, ACK Table
 * out. The container runs bin/pipeline; the sandbox calls runPipeline in-process.
 *
 * @packageDocumentation
 */
export { runPipeline, TABLE_MANIFEST_FILE } from './runPipeline';
export type { RunPipelineOptions, RunPipelineResult } from './runPipeline';
// The rendering lives in -common, so the wizard's preview shows exactly what this pipeline writes.
export {
  renderAckTable,
  renderAckTableSpec,
  InvalidDynamoDBRequestError,
  TABLE_MANAGED_BY,
} from '@kratix-dynamodb/common';
export type { PipelineRequest } from './parseRequest';
export { KRATIX_FOLDERS } from './pipelinePaths';
export type { PipelineFolders, WorkflowAction } from './pipelinePaths';
export type {
  AckTable,
  AckTableSpec,
  AckGlobalSecondaryIndex,
  AckKeySchemaElement,
  AckProvisionedThroughput,
} from '@kratix-dynamodb/common';
