/** The Kratix pipeline contract, as the workflow package in examples/kratix-promise implements it. */
export type PipelineAction = 'configure' | 'delete';

export type PipelineRunner = (args: {
  inputDir: string;
  outputDir: string;
  metadataDir: string;
  action: PipelineAction;
  /** The KRATIX_* variables a pipeline container would see. */
  env?: Record<string, string | undefined>;
}) => Promise<{ ok: boolean; message: string; outputFiles: string[] }>;

/**
 * Loads the real workflow pipeline on first use rather than at start-up: the sandbox (and the
 * API server tests) must come up even while that package is broken or still being written.
 */
export function loadWorkflowPipeline(): PipelineRunner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pipeline = require('@kratix-dynamodb/promise-pipeline') as {
    runPipeline?: PipelineRunner;
  };
  if (typeof pipeline.runPipeline !== 'function') {
    throw new Error(
      '@kratix-dynamodb/promise-pipeline does not export runPipeline',
    );
  }
  return pipeline.runPipeline;
}
