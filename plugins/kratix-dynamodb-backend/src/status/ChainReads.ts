import { GroupVersionKind, StatusStage } from '@kratix-dynamodb/common';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterInformers,
  InformerState,
  KubernetesClient,
  KubernetesObject,
  ObjectScope,
} from '@kratix-dynamodb/node';
import { unknownStage } from './conditions';
import { StatusOptions } from './readStatusOptions';

/** One kind as read from the entity's cluster: how its cache stands, and lookups into it. */
export type KindRead = {
  state: InformerState;
  /** Read with the signed-in user's own token (no shared cache): a refusal is theirs. */
  asUser?: boolean;
  get(
    namespace: string | undefined,
    name: string,
  ): KubernetesObject | undefined;
  find(
    predicate: (object: KubernetesObject) => boolean,
  ): KubernetesObject | undefined;
};

/**
 * What every stage reader gets: the kinds read from one cluster, the clock and settings, and
 * `note`, which records each object a stage is judged from (for the entity's detail tab).
 */
export type ChainReads = {
  cluster: string;
  now: Date;
  options: StatusOptions;
  /** The Promise of the entity's request (aws-dynamodb-kratix unless the entity names another). */
  promiseName: string;
  /** The request's kind, from its Promise's API; unknown while that Promise cannot be read. */
  requestKind?: GroupVersionKind;
  promises: KindRead;
  requests: KindRead;
  tables: KindRead;
  /** Read only when the entity links a KubeVela Application. */
  applications?: KindRead;
  note<T extends KubernetesObject | undefined>(object: T): T;
};

/**
 * One kind from its cache: the whole kind's (of `labelSelector`), or in bounded mode the watch
 * of just what `scope` picks. A cluster that cannot be reached is a state, not a throw.
 */
export async function readKind(
  informers: ClusterInformers,
  cluster: string,
  gvk: GroupVersionKind,
  timeoutMs: number,
  labelSelector: string | undefined,
  scope: ObjectScope,
): Promise<KindRead> {
  try {
    const informer = await informers.informerFor(
      cluster,
      gvk,
      { labelSelector },
      scope,
    );
    const state = await informer.waitForFirstSync(timeoutMs);
    return {
      state,
      get: (ns, n) => informer.get(ns, n),
      find: p => informer.find(p),
    };
  } catch (e) {
    return {
      state: { kind: 'failed', message: (e as Error).message },
      get: () => undefined,
      find: () => undefined,
    };
  }
}

/**
 * One kind read now, as the signed-in user, for a cluster that reads as each user: nothing is
 * cached or shared. Namespaced kinds are listed only in the entity's namespaces, so a user whose
 * RBAC is bound to their own namespace can see their chain.
 */
export async function readKindAsUser(
  client: KubernetesClient,
  gvk: GroupVersionKind,
  namespaces: string[] | undefined,
  labelSelector?: string,
): Promise<KindRead> {
  try {
    const lists = await Promise.all(
      (namespaces ?? [undefined]).map(namespace =>
        client.list(gvk, { namespace, labelSelector }),
      ),
    );
    const objects = lists.flatMap(list => list.items);
    return {
      state: { kind: 'synced' },
      asUser: true,
      get: (ns, n) =>
        objects.find(
          o =>
            o.metadata.name === n &&
            (ns === undefined || o.metadata.namespace === ns),
        ),
      find: p => objects.find(p),
    };
  } catch (e) {
    const message = (e as Error).message;
    return {
      state:
        e instanceof NotFoundError
          ? { kind: 'missing-api', message }
          : { kind: 'failed', message },
      asUser: true,
      get: () => undefined,
      find: () => undefined,
    };
  }
}

/** Whether the kind could be read: the cluster answers, the kind is installed, the cache is current. */
export function isReadable(read: KindRead): boolean {
  return read.state.kind === 'synced' || read.state.kind === 'syncing';
}

/**
 * A stage whose kind could not be read: the cluster did not answer (unknown), its watch broke
 * so the backend's copy may be old (unknown: stale data is never shown as current), or the
 * kind is not installed there (an error, with what to install).
 */
export function unreadableStage(
  id: StatusStage['id'],
  read: KindRead,
  installHint: string,
): StatusStage | undefined {
  if (
    (read.state.kind === 'stale' || read.state.kind === 'failed') &&
    isRefusal(read.state.message)
  ) {
    return unknownStage(
      id,
      `Not permitted: ${read.state.message}`,
      read.asUser
        ? 'This cluster is read as you, with your own sign-in: your Kubernetes user or group lacks the verb named above. Ask the cluster admins for a RoleBinding in this namespace'
        : "The backend's identity on this cluster lacks the verb named above: grant it in the backend's ClusterRole (README: Using real clusters)",
    );
  }
  if (read.state.kind === 'stale') {
    return unknownStage(
      id,
      `Stale: the backend lost its watch on the cluster at ${read.state.since} (${read.state.message}), so what it last saw may be out of date`,
      'The backend reconnects by itself; if this persists, check the cluster and the network from the Backstage backend',
    );
  }
  if (read.state.kind === 'failed') {
    return unknownStage(
      id,
      `Could not read the cluster: ${read.state.message}`,
      read.asUser
        ? 'This cluster is read with your own sign-in token: sign in to its provider in Backstage, then reload'
        : 'Check the cluster URL, credentials and network from the Backstage backend',
    );
  }
  if (read.state.kind === 'missing-api')
    return {
      ...unknownStage(id, read.state.message, installHint),
      state: 'error',
    };
  return undefined;
}

/** An RBAC refusal (403), as the node package words it: the server's message names the verb and resource. */
function isRefusal(message: string): boolean {
  return /^Not permitted to /.test(message) || /\bis forbidden: /.test(message);
}

/** `<namespace>/<name>` as the link annotations write it; a bare name is in `default`. */
export function splitRef(ref: string) {
  const [namespace, name] = ref.includes('/')
    ? ref.split('/', 2)
    : ['default', ref];
  return { namespace, name };
}
