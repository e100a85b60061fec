/** The Kratix pipeline contract, as the workflow packages in examples/ implement it. */
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
 * A loader of a workflow pipeline package that exports `runPipeline`. It loads on first use
 * rather than at start-up: the sandbox (and the API server tests) must come up even while a
 * pipeline package is broken or still being written.
 */
export function pipelinePackage(packageName: string): () => PipelineRunner {
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pipeline = require(packageName) as { runPipeline?: PipelineRunner };
    if (typeof pipeline.runPipeline !== 'function') {
      throw new Error(`${packageName} does not export runPipeline`);
    }
    return pipeline.runPipeline;
  };
}

/** The aws-dynamodb-kratix Promise's pipeline, from examples/kratix-promise. */
export const loadWorkflowPipeline = pipelinePackage(
  '@kratix-dynamodb/promise-pipeline',
);
