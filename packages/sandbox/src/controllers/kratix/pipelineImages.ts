import type { KubeObject } from '../../store/ObjectStore';
import {
  loadWorkflowPipeline,
  pipelinePackage,
  type PipelineAction,
  type PipelineRunner,
} from './PipelineRunner';

/**
 * The workflow images the sandbox can run, by image reference without its tag: each maps to
 * a pipeline package run in-process under the Kratix contract, as a container would run it.
 */
export function defaultPipelineImages(): Record<string, () => PipelineRunner> {
  return {
    'ghcr.io/example/dynamodb-request-pipeline': loadWorkflowPipeline,
    'ghcr.io/example/bucket-request-pipeline': pipelinePackage(
      '@kratix-dynamodb/bucket-pipeline',
    ),
  };
}

/** The first container image of a Promise's first resource pipeline for the action. */
export function resourcePipelineImage(
  promise: KubeObject,
  action: PipelineAction,
): string | undefined {
  const pipelines: any[] = promise.spec?.workflows?.resource?.[action] ?? [];
  const image = pipelines[0]?.spec?.containers?.[0]?.image;
  return typeof image === 'string' ? image : undefined;
}

/** `repo/name:tag` and `repo/name@sha256:...` both name `repo/name`. */
function withoutTag(image: string): string {
  const digest = image.indexOf('@');
  const untagged = digest >= 0 ? image.slice(0, digest) : image;
  const colon = untagged.lastIndexOf(':');
  return colon > untagged.lastIndexOf('/')
    ? untagged.slice(0, colon)
    : untagged;
}

/** Chooses, and loads once, the pipeline of each Promise's workflow. */
export type PipelineChooser = (
  promise: KubeObject,
  action: PipelineAction,
) => PipelineRunner;

/**
 * The pipeline for a Promise's workflow, found by its image. A Promise whose image the sandbox
 * does not know fails its workflow with a message that says so, as an image that cannot be
 * pulled fails a real pipeline pod. `only` (tests) runs one pipeline for every Promise.
 */
export function choosePipelineByImage(
  images: Record<string, () => PipelineRunner>,
  only?: PipelineRunner,
): PipelineChooser {
  const loaded = new Map<string, PipelineRunner>();
  return (promise, action) => {
    if (only) return only;
    const image = resourcePipelineImage(promise, action);
    if (!image)
      throw new Error(
        `the Promise ${promise.metadata.name} has no resource ${action} pipeline with a container image`,
      );
    const key = withoutTag(image);
    const load = images[key];
    if (!load)
      throw new Error(
        `image ${image} is not mapped to a pipeline in the sandbox (ImagePullBackOff)`,
      );
    let runner = loaded.get(key);
    if (!runner) {
      runner = load();
      loaded.set(key, runner);
    }
    return runner;
  };
}
