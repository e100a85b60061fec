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
