/**
 * The Kubernetes kinds this project reads and writes, and the keys that link them.
 * Every package takes these from here, so a group or label key has exactly one spelling.
 */

/**
 * A Kubernetes kind, by API group, version and kind (plural names come from discovery).
 * @public
 */
export type GroupVersionKind = {
  group: string;
  version: string;
  kind: string;
};

/** @public The DynamoDBRequest that the aws-dynamodb-kratix Promise offers. */
export const DYNAMODB_REQUEST_GVK: GroupVersionKind = {
  group: 'dynamodb.kratix.io',
  version: 'v1alpha1',
  kind: 'DynamoDBRequest',
};

/** @public The Kratix Promise (cluster-scoped). */
export const KRATIX_PROMISE_GVK: GroupVersionKind = {
  group: 'platform.kratix.io',
  version: 'v1alpha1',
  kind: 'Promise',
};

/** @public The name of the Promise that offers DynamoDBRequest. */
export const DYNAMODB_PROMISE_NAME = 'aws-dynamodb-kratix';

/** @public The ACK DynamoDB Table. */
export const ACK_TABLE_GVK: GroupVersionKind = {
  group: 'dynamodb.services.k8s.aws',
  version: 'v1alpha1',
  kind: 'Table',
};

/** @public KubeVela's Application (not Argo CD's, which shares the kind name). */
export const KUBEVELA_APPLICATION_GVK: GroupVersionKind = {
  group: 'core.oam.dev',
  version: 'v1beta1',
  kind: 'Application',
};

/** @public The KubeVela component type that asks for a table. */
export const DYNAMODB_COMPONENT_TYPE = 'aws-dynamodb-kratix';

/**
 * Labels stamped on the objects the plugins and the workflow create. Label values may not
 * hold '/' or ':', so the catalog entity ref travels in an annotation instead.
 * @public
 */
export const LABELS = {
  /** On the ACK Table: the name of the DynamoDBRequest it was made from. */
  requestName: 'dynamodb.kratix.io/request-name',
  /** On the ACK Table: the namespace of that DynamoDBRequest. */
  requestNamespace: 'dynamodb.kratix.io/request-namespace',
  /** Who created the object (the scaffolder, the workflow). */
  managedBy: 'app.kubernetes.io/managed-by',
  /** On requests and Applications: the catalog entity's name. */
  entityName: 'backstage.io/kubernetes-id',
} as const;

/** @public Annotations that link cluster objects and catalog entities. */
export const ANNOTATIONS = {
  /** On cluster objects: the full catalog entity ref, e.g. `resource:default/orders`. */
  entityRef: 'kratix-dynamodb.io/entity-ref',
  /** On cluster objects: the catalog owner ref. */
  owner: 'kratix-dynamodb.io/owner',
  /**
   * On cluster objects the scaffolder creates: the task that created it, so a retried task
   * recognises its own object.
   */
  scaffolderTaskId: 'kratix-dynamodb.io/scaffolder-task-id',
  /** On catalog entities: the cluster name (from kratixDynamodb.clusters). */
  cluster: 'kratix-dynamodb.io/cluster',
  /**
   * On catalog entities: `<namespace>/<name>` of the request, a DynamoDBRequest unless
   * `promise` names another Promise, whose API gives the request's kind.
   */
  request: 'kratix-dynamodb.io/request',
  /** On catalog entities and generated templates: the name of the request's Kratix Promise. */
  promise: 'kratix-dynamodb.io/promise',
  /** On catalog entities: `<namespace>/<name>` of the KubeVela Application. */
  application: 'kratix-dynamodb.io/application',
  /**
   * On cluster objects: the catalog System their entity is part of (`spec.system`), e.g.
   * `sessions`. A claim, like any catalog-info.yaml's `spec.system`; it grants nothing.
   */
  system: 'kratix-dynamodb.io/system',
  /** On the ACK Table: the region (ACK's own key). */
  ackRegion: 'services.k8s.aws/region',
  /** On the ACK Table: retain or delete the AWS table with the object (ACK's own key). */
  ackDeletionPolicy: 'services.k8s.aws/deletion-policy',
} as const;

/**
 * The ACK Tables the plugins read: those the workflow made from a request, which it labels with
 * the request's name. Other Tables on the cluster are never cached.
 * @public
 */
export const ACK_TABLE_LABEL_SELECTOR = LABELS.requestName;

/**
 * The KubeVela Applications the plugins read: those labelled with their catalog entity's name,
 * as the scaffolder labels every Application it creates and as Backstage's Kubernetes plugin
 * finds workloads. Other Applications on the cluster are never cached.
 * @public
 */
export const KUBEVELA_APPLICATION_LABEL_SELECTOR = LABELS.entityName;
