/**
 * @public A cluster object that the catalog module turns into an entity: a DynamoDBRequest
 * becomes a `resource`, a KubeVela Application a `component`.
 */
export type ClusterObjectIdentity = {
  kind: 'resource' | 'component';
  /** The cluster name, from kratixDynamodb.clusters. */
  cluster: string;
  /** The object's Kubernetes namespace (`default` when absent). */
  namespace?: string;
  name: string;
};

/** @public The parts of an entity ref: kind, catalog namespace and name. */
export type ClusterObjectEntityName = {
  kind: 'resource' | 'component';
  namespace: string;
  name: string;
};

/** The catalog's limit on entity names. */
const MAX_ENTITY_NAME = 63;
/** A cluster name used as it is in entity names: what Kubernetes names are made of. */
const PLAIN_CLUSTER_NAME = /^[a-z0-9]([a-z0-9.-]{0,30}[a-z0-9])?$/;

/**
 * A short, stable hash (two FNV-1a 32-bit rounds, 16 hex digits). Not a secret and not
 * collision-proof against a determined author, but deterministic everywhere (browser and
 * Node) without an async crypto API; it only shortens names that would not fit otherwise.
 */
function stableHash(text: string): string {
  const round = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return round(0x811c9dc5) + round(0x2f3c6a17);
}

/**
 * The cluster as it appears in entity names: the configured name when it is already a short
 * lower-case DNS name (the usual case), otherwise a cleaned-up form with a hash of the
 * original, so `Prod` and `prod` (the catalog compares names without case) stay apart.
 * Never contains `_`.
 */
function clusterNamePart(cluster: string): string {
  if (PLAIN_CLUSTER_NAME.test(cluster)) return cluster;
  const cleaned = cluster
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 16)
    .replace(/[^a-z0-9]+$/, '');
  const hash = stableHash(cluster).slice(0, 8);
  return cleaned ? `${cleaned}-${hash}` : `c-${hash}`;
}

/**
 * The catalog entity made for a cluster object, unique per cluster, namespace and name, and
 * the same on every run (it depends on nothing else):
 *
 * - namespace: the object's Kubernetes namespace. A Kubernetes namespace is a DNS label of at
 *   most 63 characters, which is exactly what the catalog accepts, so it is used unchanged.
 * - name: `<object name>_<cluster>`, e.g. `orders_sandbox`. Kubernetes names never contain
 *   `_` and neither does the cluster part, so the one `_` separates them without ambiguity.
 * - over 63 characters: the first characters, `__`, and a hash of cluster, namespace and
 *   name, e.g. `a-very-long-request-name-that-goes-on_sandbox__1f2e3d4c5b6a7980`. Only
 *   shortened names contain `__`, so a shortened name never equals an unshortened one.
 *
 * The scaffolder prints it, the catalog module emits it and the status route links by it, so
 * all of them take it from here.
 * @public
 */
export function entityNameOfClusterObject(
  object: ClusterObjectIdentity,
): ClusterObjectEntityName {
  const namespace = object.namespace ?? 'default';
  const full = `${object.name}_${clusterNamePart(object.cluster)}`;
  if (full.length <= MAX_ENTITY_NAME) {
    return { kind: object.kind, namespace, name: full };
  }
  const hash = stableHash(`${object.cluster}/${namespace}/${object.name}`);
  const head = full
    .slice(0, MAX_ENTITY_NAME - hash.length - 2)
    .replace(/[^a-zA-Z0-9]+$/, '');
  return { kind: object.kind, namespace, name: `${head}__${hash}` };
}

/**
 * The ref of the catalog entity made for a cluster object, e.g.
 * `resource:team-a/orders_sandbox` (see {@link entityNameOfClusterObject}).
 * @public
 */
export function entityRefOfClusterObject(
  object: ClusterObjectIdentity,
): string {
  const { kind, namespace, name } = entityNameOfClusterObject(object);
  return `${kind}:${namespace}/${name}`;
}

/**
 * The location the catalog module gives the entity of a cluster object
 * (`backstage.io/managed-by-location`). The catalog keeps it as the provider set it, so it is
 * also how the status route knows that an entity's link to that object came from the provider.
 * @public
 */
export function clusterObjectLocation(
  cluster: string,
  namespace: string | undefined,
  name: string,
): string {
  return `url:kubernetes://${cluster}/${namespace ?? 'default'}/${name}`;
}
