import path from 'node:path';
import type { EndpointResolver } from '../workloads/EndpointResolver';
import type { FaultSettings } from '../faults/FaultSettings';
import { findRepoRoot } from '../kubeconfig';
import type { LocalImage, SandboxOptions } from '../SandboxOptions';
import type { ClusterOperations } from '../store/ClusterOperations';
import { LocalWorkloadRunner } from '../workloads/LocalWorkloadRunner';
import { AckTableController } from './ack/AckTableController';
import { startDynalite } from './ack/DynaliteServer';
import { GarbageCollector } from './GarbageCollector';
import { KratixController } from './kratix/KratixController';
import {
  choosePipelineByImage,
  defaultPipelineImages,
} from './kratix/pipelineImages';
import { KubeVelaController } from './kubevela/KubeVelaController';

export type RunningControllers = {
  endpoints: EndpointResolver;
  dynamodbEndpoint: string;
  metrics(): Record<string, unknown>;
  stop(): Promise<void>;
};

/** The images the sandbox runs locally unless told otherwise: the example session service. */
export function defaultLocalImages(
  repoRoot: string,
): Record<string, LocalImage> {
  return {
    'session-api:latest': {
      command: process.execPath,
      args: [
        path.join(repoRoot, 'examples', 'session-api', 'bin', 'session-api'),
      ],
    },
  };
}

/** Starts dynalite and the controllers that play the cluster's operators and its kubelet. */
export async function startControllers(
  ops: ClusterOperations,
  faults: FaultSettings,
  options: SandboxOptions,
): Promise<RunningControllers> {
  const log = options.log ?? (() => {});
  const repoRoot = findRepoRoot();
  const dynalite = await startDynalite({
    port: options.dynamodbPort,
    createTableMs: options.createTableMs,
    dataDir: options.persistDir && path.join(options.persistDir, 'dynamodb'),
  });
  const region = options.awsRegion ?? 'us-east-1';
  const gc = new GarbageCollector(ops);
  const workloads = new LocalWorkloadRunner(
    ops,
    {
      images: options.localImages ?? defaultLocalImages(repoRoot),
      cwd: repoRoot,
      baseEnv: {
        AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
        AWS_REGION: region,
        AWS_ACCESS_KEY_ID: 'sandbox',
        AWS_SECRET_ACCESS_KEY: 'sandbox',
      },
    },
    log,
  );
  const enabled = options.controllers !== false;
  const kratix = enabled
    ? new KratixController(
        ops,
        faults,
        choosePipelineByImage(
          options.pipelineImages ?? defaultPipelineImages(),
          options.runPipeline,
        ),
        log,
      )
    : undefined;
  const ack = enabled
    ? new AckTableController(
        ops,
        faults,
        {
          dynamodbEndpoint: dynalite.endpoint,
          region,
          accountId: options.awsAccountId ?? '000000000000',
          createTableMs: options.createTableMs ?? 500,
        },
        log,
      )
    : undefined;
  const vela = enabled ? new KubeVelaController(ops, log) : undefined;

  gc.start();
  workloads.start();
  ack?.start();
  kratix?.start();
  vela?.start();
  return {
    endpoints: workloads,
    dynamodbEndpoint: dynalite.endpoint,
    metrics: () => ({
      kratix: kratix?.metrics(),
      ack: ack?.metrics(),
      kubevela: vela?.metrics(),
      workloads: workloads.metrics(),
    }),
    stop: async () => {
      gc.stop();
      await vela?.stop();
      await kratix?.stop();
      await ack?.stop();
      await workloads.stop();
      await dynalite.close();
    },
  };
}
