import {
  DYNAMODB_PROMISE_NAME,
  DYNAMODB_REQUEST_GVK,
} from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { ChainReads, KindRead } from '../../ChainReads';

type KindState = KindRead['state'];

/** A kind read from a synced cache holding `objects`, or in the given state with none. */
export function kindRead(
  objects: KubernetesObject[] | KindState = [],
): KindRead {
  const state: KindState = Array.isArray(objects)
    ? { kind: 'synced' }
    : objects;
  const held = Array.isArray(objects) ? objects : [];
  return {
    state,
    get: (namespace, name) =>
      held.find(
        o => o.metadata.namespace === namespace && o.metadata.name === name,
      ),
    find: predicate => held.find(predicate),
  };
}

/** Reads of a cluster at 12:00, with every kind synced and empty unless given; `seen` collects noted objects. */
export function chainReads(
  kinds: Partial<
    Pick<
      ChainReads,
      | 'promises'
      | 'requests'
      | 'tables'
      | 'applications'
      | 'promiseName'
      | 'requestKind'
    >
  > = {},
) {
  const seen: KubernetesObject[] = [];
  const reads: ChainReads = {
    cluster: 'sandbox',
    now: new Date('2026-03-16T12:00:00Z'),
    options: {
      graceMs: 60_000,
      clusterTimeoutMs: 1000,
      livenessPath: '/health',
      readinessPath: '/ready',
      tenancy: { ownersOf: () => new Set() },
    },
    promiseName: DYNAMODB_PROMISE_NAME,
    requestKind: DYNAMODB_REQUEST_GVK,
    promises: kindRead(),
    requests: kindRead(),
    tables: kindRead(),
    ...kinds,
    note: object => {
      if (object) seen.push(object);
      return object;
    },
  };
  return { reads, seen };
}
