import { GroupVersionKind, StatusStage } from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { ClusterObjectCaches } from './ClusterObjectCaches';
import { unknownStage } from './conditions';
import { CacheState } from './ObjectCache';
import { StatusOptions } from './readStatusOptions';

/** One kind as read from the entity's cluster: how its cache stands, and lookups into it. */
export type KindRead = {
  state: CacheState;
  get(namespace: string | undefined, name: string): KubernetesObject | undefined;
  find(predicate: (object: KubernetesObject) => boolean): KubernetesObject | undefined;
};

/**
 * What every stage reader gets: the kinds read from one cluster, the clock and settings, and
 * `note`, which records each object a stage is judged from (for the entity's detail tab).
 */
export type ChainReads = {
  cluster: string;
  now: Date;
  options: StatusOptions;
  promises: KindRead;
  requests: KindRead;
  tables: KindRead;
  /** Read only when the entity links a KubeVela Application. */
  applications?: KindRead;
  note<T extends KubernetesObject | undefined>(object: T): T;
};

/** One kind from its cache; a cluster that cannot be reached is a state, not a throw. */
export async function readKind(
  caches: ClusterObjectCaches,
  cluster: string,
  gvk: GroupVersionKind,
  timeoutMs: number,
): Promise<KindRead> {
  try {
    const cache = await caches.cache(cluster, gvk);
    const state = await cache.waitForFirstSync(timeoutMs);
    return { state, get: (ns, n) => cache.get(ns, n), find: p => cache.find(p) };
  } catch (e) {
    return {
      state: { kind: 'failed', message: (e as Error).message },
      get: () => undefined,
      find: () => undefined,
    };
  }
}

/** Whether the kind could be read: the cluster answered, and the kind is installed there. */
export function isReadable(read: KindRead): boolean {
  return read.state.kind !== 'failed' && read.state.kind !== 'missing-api';
}

/**
 * A stage whose kind could not be read: the cluster did not answer (unknown), or the kind
 * is not installed there (an error, with what to install).
 */
export function unreadableStage(id: StatusStage['id'], read: KindRead, installHint: string): StatusStage | undefined {
  if (read.state.kind === 'failed') {
    return unknownStage(
      id,
      `Could not read the cluster: ${read.state.message}`,
      'Check the cluster URL, credentials and network from the Backstage backend',
    );
  }
  if (read.state.kind === 'missing-api') return { ...unknownStage(id, read.state.message, installHint), state: 'error' };
  return undefined;
}

/** `<namespace>/<name>` as the link annotations write it; a bare name is in `default`. */
export function splitRef(ref: string) {
  const [namespace, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref];
  return { namespace, name };
}
