/**
 * One run of the object-bucket workflow under the Kratix pipeline contract: the request from
 * input/object.yaml, a ConfigMap with the bucket's settings to output/, and a status message
 * in metadata/status.yaml whatever happens.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  bucketProblems,
  bucketSettings,
  type BucketRequestSpec,
} from './bucketSettings';

/** @public */
export type BucketPipelineOptions = {
  inputDir?: string;
  outputDir?: string;
  metadataDir?: string;
  action?: string;
  /** KRATIX_INPUT_DIR and friends fill what the options leave out; default process.env. */
  env?: Record<string, string | undefined>;
};

/** @public */
export type BucketPipelineResult = {
  ok: boolean;
  message: string;
  outputFiles: string[];
};

/** @public The request labels the ConfigMap carries, so the card and cleanup can find it. */
export const BUCKET_REQUEST_LABEL = 'storage.kratix.io/bucket-request';

type BucketRequest = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: BucketRequestSpec;
};

type Outcome = {
  ok: boolean;
  status: Record<string, unknown> & { message: string };
  outputFiles: string[];
};

async function configure(
  request: BucketRequest,
  outputDir: string,
): Promise<Outcome> {
  const spec = (request.spec ?? {}) as BucketRequestSpec;
  const problems = bucketProblems(spec);
  if (problems.length) {
    const text = problems.map(p => `${p.path} ${p.message}`).join('; ');
    return {
      ok: false,
      status: { message: `Invalid BucketRequest: ${text}`, problems },
      outputFiles: [],
    };
  }
  const name = `bucket-${request.metadata?.name}`;
  const namespace = request.metadata?.namespace ?? 'default';
  const settings = bucketSettings(spec);
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace,
      labels: { [BUCKET_REQUEST_LABEL]: String(request.metadata?.name) },
    },
    data: { 'bucket.yaml': stringify(settings) },
  };
  await mkdir(outputDir, { recursive: true });
  const file = join(outputDir, 'bucket-settings.yaml');
  await writeFile(file, stringify(configMap));
  return {
    ok: true,
    status: {
      message: `Bucket ${spec.name} requested: ${settings.storageClass}, ${
        settings.quotaBytes
      } bytes, versioning ${settings.versioning ? 'on' : 'off'}`,
      bucketName: spec.name,
      settings: { name, namespace },
      problems: [],
    },
    outputFiles: [file],
  };
}

async function runAction(
  action: string,
  inputDir: string,
  outputDir: string,
): Promise<Outcome> {
  if (action !== 'configure' && action !== 'delete')
    return {
      ok: false,
      status: { message: `Unknown workflow action '${action}'` },
      outputFiles: [],
    };
  let request: BucketRequest;
  try {
    request = parse(await readFile(join(inputDir, 'object.yaml'), 'utf8'));
  } catch (error) {
    return {
      ok: false,
      status: { message: `Cannot read the request: ${String(error)}` },
      outputFiles: [],
    };
  }
  if (request?.kind !== 'BucketRequest')
    return {
      ok: false,
      status: { message: `Expected a BucketRequest, got ${request?.kind}` },
      outputFiles: [],
    };
  if (action === 'delete')
    return {
      ok: true,
      status: {
        message: `Bucket ${request.spec?.name} released; its objects stay until the storage team empties it`,
      },
      outputFiles: [],
    };
  return configure(request, outputDir);
}

/**
 * Runs the configure or delete workflow once. A bad request is a failed run with its reason
 * in status.yaml, never an exception.
 * @public
 */
export async function runPipeline(
  options: BucketPipelineOptions = {},
): Promise<BucketPipelineResult> {
  const env = options.env ?? process.env;
  const inputDir = options.inputDir ?? env.KRATIX_INPUT_DIR ?? '/kratix/input';
  const outputDir =
    options.outputDir ?? env.KRATIX_OUTPUT_DIR ?? '/kratix/output';
  const metadataDir =
    options.metadataDir ?? env.KRATIX_METADATA_DIR ?? '/kratix/metadata';
  const action = options.action ?? env.KRATIX_WORKFLOW_ACTION ?? 'configure';
  const outcome = await runAction(action, inputDir, outputDir);
  await mkdir(metadataDir, { recursive: true });
  await writeFile(join(metadataDir, 'status.yaml'), stringify(outcome.status));
  return {
    ok: outcome.ok,
    message: outcome.status.message,
    outputFiles: outcome.outputFiles,
  };
}
