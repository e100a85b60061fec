import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeObject } from '../../store/ObjectStore';
import { toManifestYaml } from '@kratix-dynamodb/common';
import { parseYaml, parseYamlDocuments } from '../../yamlText';
import type { PipelineAction, PipelineRunner } from './PipelineRunner';

export type WorkflowResult = {
  ok: boolean;
  message: string;
  /** The objects the pipeline wrote to /kratix/output (configure only). */
  outputs: KubeObject[];
  /** What the pipeline wrote to /kratix/metadata/status.yaml, to merge into .status. */
  statusPatch: Record<string, unknown>;
};

let scratch: string | undefined;

/**
 * Where the workflow folders go. Kratix mounts them as the pipeline pod's emptyDir volumes; here
 * they are made and removed for every run, so on Linux they live in /dev/shm, in memory, like an
 * emptyDir with `medium: Memory`. On disk that cost about 1 s of CPU per 1,000 runs.
 */
function scratchRoot(): string {
  if (scratch === undefined) {
    try {
      fs.accessSync('/dev/shm', fs.constants.W_OK);
      scratch = '/dev/shm';
    } catch {
      scratch = os.tmpdir();
    }
  }
  return scratch;
}

/**
 * Runs the workflow pipeline under the Kratix container contract, with real folders standing in
 * for /kratix/input, /kratix/output and /kratix/metadata, and collects what it left there.
 */
export async function runRequestWorkflow(
  runPipeline: PipelineRunner,
  request: KubeObject,
  action: PipelineAction,
  promiseName: string,
  pipelineName: string,
): Promise<WorkflowResult> {
  const root = fs.mkdtempSync(path.join(scratchRoot(), `kratix-${action}-`));
  const inputDir = path.join(root, 'input');
  const outputDir = path.join(root, 'output');
  const metadataDir = path.join(root, 'metadata');
  for (const dir of [inputDir, outputDir, metadataDir]) fs.mkdirSync(dir);
  fs.writeFileSync(path.join(inputDir, 'object.yaml'), toManifestYaml(request));
  try {
    let result: { ok: boolean; message: string; outputFiles: string[] };
    try {
      result = await runPipeline({
        inputDir,
        outputDir,
        metadataDir,
        action,
        env: kratixEnvironment(request, action, promiseName, pipelineName, {
          inputDir,
          outputDir,
          metadataDir,
        }),
      });
    } catch (error) {
      // A throwing pipeline is a failed pipeline pod, not a broken controller.
      result = {
        ok: false,
        message: String((error as Error)?.message ?? error),
        outputFiles: [],
      };
    }
    const statusFile = path.join(metadataDir, 'status.yaml');
    const statusPatch = fs.existsSync(statusFile)
      ? (parseYaml(fs.readFileSync(statusFile, 'utf8')) as Record<
          string,
          unknown
        >) ?? {}
      : {};
    const outputs =
      result.ok && action === 'configure'
        ? readOutputs(outputDir, result.outputFiles)
        : [];
    return { ok: result.ok, message: result.message, outputs, statusPatch };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function readOutputs(outputDir: string, named: string[]): KubeObject[] {
  const files = named.length
    ? named.map(f => (path.isAbsolute(f) ? f : path.join(outputDir, f)))
    : listYamlFiles(outputDir);
  return files.flatMap(file =>
    (parseYamlDocuments(fs.readFileSync(file, 'utf8')) as KubeObject[]).filter(
      o => o && typeof o === 'object' && o.kind && o.apiVersion,
    ),
  );
}

function listYamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listYamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** The environment Kratix gives a resource workflow's containers. */
function kratixEnvironment(
  request: KubeObject,
  action: PipelineAction,
  promiseName: string,
  pipelineName: string,
  dirs: Record<string, string>,
): Record<string, string> {
  const [group, version] = request.apiVersion.split('/');
  return {
    KRATIX_WORKFLOW_ACTION: action,
    KRATIX_WORKFLOW_TYPE: 'resource',
    KRATIX_PROMISE_NAME: promiseName,
    KRATIX_PIPELINE_NAME: pipelineName,
    KRATIX_OBJECT_KIND: request.kind,
    KRATIX_OBJECT_GROUP: group,
    KRATIX_OBJECT_VERSION: version,
    KRATIX_OBJECT_NAME: request.metadata.name,
    KRATIX_OBJECT_NAMESPACE: request.metadata.namespace ?? '',
    KRATIX_CLUSTER_SCOPED: String(!request.metadata.namespace),
    KRATIX_INPUT_DIR: dirs.inputDir,
    KRATIX_OUTPUT_DIR: dirs.outputDir,
    KRATIX_METADATA_DIR: dirs.metadataDir,
  };
}
