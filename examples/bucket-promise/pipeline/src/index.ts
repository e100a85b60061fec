/**
 * The workflow pipeline of the object-bucket example Promise: BucketRequest in, a ConfigMap
 * with the bucket's settings out. The sandbox runs it in-process for the Promise's image.
 *
 * @packageDocumentation
 */
export { runPipeline, BUCKET_REQUEST_LABEL } from './runPipeline';
export type {
  BucketPipelineOptions,
  BucketPipelineResult,
} from './runPipeline';
export { quotaInBytes, bucketProblems } from './bucketSettings';
export type { BucketRequestSpec, BucketProblem } from './bucketSettings';
