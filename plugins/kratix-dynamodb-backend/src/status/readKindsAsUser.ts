import {
  ACK_TABLE_GVK,
  ACK_TABLE_LABEL_SELECTOR,
  ANNOTATIONS,
  GroupVersionKind,
  KRATIX_PROMISE_GVK,
  KUBEVELA_APPLICATION_GVK,
  KubernetesUserTokens,
} from '@kratix-dynamodb/common';
import {
  ClusterClientFactory,
  KubernetesClient,
  KubernetesObject,
} from '@kratix-dynamodb/node';
import { ChainReads, KindRead, readKindAsUser, splitRef } from './ChainReads';
import { HealthProber } from './HealthProber';
import { StatusOptions } from './readStatusOptions';
import {
  makesDynamoDBTable,
  promiseNameOf,
  requestKindOf,
} from './requestKinds';

type ReadContext = {
  cluster: string;
  annotations: Record<string, string>;
  now: Date;
  seen: KubernetesObject[];
  options: StatusOptions;
};

/** The namespaces the entity's links name: a user's RBAC is often bound to just these. */
function linkedNamespaces(annotations: Record<string, string>): string[] {
  const refs = [
    annotations[ANNOTATIONS.request],
    annotations[ANNOTATIONS.application],
  ].filter((ref): ref is string => !!ref);
  return [...new Set(refs.map(ref => splitRef(ref).namespace))];
}

function unreadable(message: string): KindRead {
  return {
    state: { kind: 'failed', message },
    asUser: true,
    get: () => undefined,
    find: () => undefined,
  };
}

/**
 * Every kind the chain needs, read now with the caller's own token, for a cluster whose
 * `authProvider` acts as each user. Its health probes go through the same client and are kept
 * nowhere, so no answer made for one user is ever shown to another.
 */
export async function readKindsAsUser(
  clients: ClusterClientFactory,
  context: ReadContext,
  userTokens: KubernetesUserTokens | undefined,
): Promise<{ reads: ChainReads; prober: Pick<HealthProber, 'probe'> }> {
  const { cluster, annotations, options, seen } = context;
  let client: KubernetesClient | undefined;
  let refused = '';
  try {
    client = await clients.forCluster(cluster, { userTokens });
  } catch (e) {
    refused = (e as Error).message;
  }
  const namespaces = linkedNamespaces(annotations);
  const read = (
    gvk: GroupVersionKind,
    scope: string[] | undefined,
    labelSelector?: string,
  ) =>
    client
      ? readKindAsUser(client, gvk, scope, labelSelector)
      : Promise.resolve(unreadable(refused));
  // The request's kind comes from its Promise's API, so the Promises are read first.
  const promiseName = promiseNameOf(annotations);
  const promises = await read(KRATIX_PROMISE_GVK, undefined);
  const requestKind = requestKindOf(
    promiseName,
    promises.get(undefined, promiseName),
  );
  const [requests, tables, applications] = await Promise.all([
    requestKind
      ? read(requestKind, namespaces)
      : Promise.resolve(unreadable('no request kind')),
    makesDynamoDBTable(requestKind)
      ? read(ACK_TABLE_GVK, namespaces, ACK_TABLE_LABEL_SELECTOR)
      : Promise.resolve(unreadable('no ACK Table for this kind')),
    annotations[ANNOTATIONS.application]
      ? read(KUBEVELA_APPLICATION_GVK, namespaces)
      : undefined,
  ]);
  // A prober of this request only: with a TTL of 0 nothing it learns outlives the request.
  const prober = new HealthProber(
    {
      forCluster: async () => {
        if (!client) throw new Error(refused);
        return client;
      },
    },
    { ttlMs: 0, timeoutMs: options.probeTimeoutMs ?? 3000 },
  );
  const note = <T extends KubernetesObject | undefined>(object: T): T => {
    if (object) seen.push(object);
    return object;
  };
  return {
    reads: {
      cluster,
      now: context.now,
      options,
      promiseName,
      requestKind,
      promises,
      requests,
      tables,
      applications,
      note,
    },
    prober,
  };
}
