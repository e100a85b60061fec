/**
 * @public A cluster object that the catalog module turns into an entity: a DynamoDBRequest
 * becomes a `resource`, a KubeVela Application a `component`.
 */
export type ClusterObjectIdentity = {
  kind: 'resource' | 'component';
  /** The cluster name, from kratixDynamodb.clusters. */
  cluster: string;
  /** The object's Kubernetes namespace. */
  namespace?: string;
  name: string;
};

/**
 * The ref of the catalog entity made for a cluster object, e.g. `resource:default/orders`.
 * The scaffolder prints it and the catalog module emits it, so both take it from here.
 *
 * Every entity lives in the catalog's `default` namespace and is named after the object, so
 * the object's cluster and namespace do not appear in the ref today.
 * @public
 */
export function entityRefOfClusterObject(
  object: ClusterObjectIdentity,
): string {
  return `${object.kind}:default/${object.name}`;
}
