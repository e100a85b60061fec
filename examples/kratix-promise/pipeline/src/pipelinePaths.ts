/**
 * Where the pipeline reads and writes. Kratix mounts fixed folders under /kratix; tests and
 * the sandbox point elsewhere through arguments or the environment.
 */

/** @public configure runs on create and update; delete runs when the request goes away. */
export type WorkflowAction = 'configure' | 'delete';

/** @public */
export type PipelineFolders = {
  inputDir: string;
  outputDir: string;
  metadataDir: string;
};

/** @public The folders of the Kratix pipeline contract. */
export const KRATIX_FOLDERS: PipelineFolders = {
  inputDir: '/kratix/input',
  outputDir: '/kratix/output',
  metadataDir: '/kratix/metadata',
};

type Environment = Record<string, string | undefined>;

/** Arguments win over the environment, which wins over the Kratix defaults. */
export function resolveFolders(
  given: Partial<PipelineFolders>,
  env: Environment,
): PipelineFolders {
  return {
    inputDir: given.inputDir ?? env.KRATIX_INPUT_DIR ?? KRATIX_FOLDERS.inputDir,
    outputDir:
      given.outputDir ?? env.KRATIX_OUTPUT_DIR ?? KRATIX_FOLDERS.outputDir,
    metadataDir:
      given.metadataDir ??
      env.KRATIX_METADATA_DIR ??
      KRATIX_FOLDERS.metadataDir,
  };
}

/** Kratix sets KRATIX_WORKFLOW_ACTION; configure is what an unset variable means. */
export function resolveAction(
  given: string | undefined,
  env: Environment,
): string {
  return given ?? env.KRATIX_WORKFLOW_ACTION ?? 'configure';
}
