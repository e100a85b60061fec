/**
 * One run of the workflow under the Kratix pipeline contract: read the request from the
 * input folder, write the ACK Table to the output folder, and always write a status message.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildAckTable,
  toManifestYaml,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import { parseRequest, type PipelineRequest } from './parseRequest';
import {
  resolveAction,
  resolveFolders,
  type PipelineFolders,
} from './pipelinePaths';
import {
  deletedStatus,
  invalidRequestStatus,
  tableRequestedStatus,
  unknownActionStatus,
  type StatusReport,
} from './statusReport';

/** @public Where to read and write, and which workflow runs; the environment fills gaps. */
export type RunPipelineOptions = Partial<PipelineFolders> & {
  action?: string;
  /** Defaults to process.env; KRATIX_INPUT_DIR and friends, KRATIX_WORKFLOW_ACTION. */
  env?: Record<string, string | undefined>;
};

/** @public */
export type RunPipelineResult = {
  ok: boolean;
  /** The status message written to status.yaml. */
  message: string;
  /** Absolute paths of the files written to the output folder. */
  outputFiles: string[];
};

/** @public The name of the manifest in the output folder. */
export const TABLE_MANIFEST_FILE = 'dynamodb-table.yaml';

async function writeStatus(metadataDir: string, status: StatusReport) {
  await mkdir(metadataDir, { recursive: true });
  await writeFile(join(metadataDir, 'status.yaml'), toManifestYaml(status));
}

async function readInput(
  inputDir: string,
): Promise<{ text: string } | { problem: string }> {
  const file = join(inputDir, 'object.yaml');
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    return {
      problem: `Cannot read the request: ${file}: ${(error as Error).message}`,
    };
  }
}

/** The deletion policy as far as an unchecked spec tells it; retain when in doubt. */
function deletionPolicyOf(spec: unknown) {
  const policy = (spec as { deletionPolicy?: unknown } | null)?.deletionPolicy;
  return policy === 'delete' ? 'delete' : 'retain';
}

function tableNameOf(spec: unknown) {
  const name = (spec as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

type Outcome = { ok: boolean; status: StatusReport; outputFiles: string[] };

async function configure(
  folders: PipelineFolders,
  request: PipelineRequest,
): Promise<Outcome> {
  const result = validateDynamoDBRequestSpec(request.spec);
  if (!result.valid) {
    return {
      ok: false,
      status: invalidRequestStatus(result.errors),
      outputFiles: [],
    };
  }
  const table = buildAckTable(request.metadata, result.spec);
  await mkdir(folders.outputDir, { recursive: true });
  const file = resolve(folders.outputDir, TABLE_MANIFEST_FILE);
  await writeFile(file, toManifestYaml(table));
  return {
    ok: true,
    status: tableRequestedStatus(result.spec, {
      name: table.metadata.name,
      namespace: table.metadata.namespace,
    }),
    outputFiles: [file],
  };
}

async function runAction(
  action: string,
  folders: PipelineFolders,
): Promise<Outcome> {
  if (action !== 'configure' && action !== 'delete') {
    return { ok: false, status: unknownActionStatus(action), outputFiles: [] };
  }
  const input = await readInput(folders.inputDir);
  if ('problem' in input) {
    return { ok: false, status: { message: input.problem }, outputFiles: [] };
  }
  const parsed = parseRequest(input.text);
  if (!parsed.ok) {
    return {
      ok: false,
      status: invalidRequestStatus(parsed.errors),
      outputFiles: [],
    };
  }
  if (action === 'delete') {
    // Kratix ignores a delete pipeline's output; the Table goes with the request's Work.
    const { spec } = parsed.request;
    const status = deletedStatus(tableNameOf(spec), deletionPolicyOf(spec));
    return { ok: true, status, outputFiles: [] };
  }
  return configure(folders, parsed.request);
}

/**
 * Runs the configure or delete workflow once. Never throws for a bad request: the problem
 * goes to status.yaml and the result says ok: false.
 * @public
 */
export async function runPipeline(
  options: RunPipelineOptions = {},
): Promise<RunPipelineResult> {
  const env = options.env ?? process.env;
  const folders = resolveFolders(options, env);
  const outcome = await runAction(resolveAction(options.action, env), folders);
  await writeStatus(folders.metadataDir, outcome.status);
  return {
    ok: outcome.ok,
    message: outcome.status.message,
    outputFiles: outcome.outputFiles,
  };
}
