import type { JsonSchema } from '../schema/JsonSchema';

/** Building blocks of the documentation schemas in builtinSchemas.ts, shared between kinds. */

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export const str = (description: string): JsonSchema => ({
  type: 'string',
  description,
});
export const int = (description: string): JsonSchema => ({
  type: 'integer',
  format: 'int32',
  description,
});
export const bool = (description: string): JsonSchema => ({
  type: 'boolean',
  description,
});
export const strings = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string', default: '' },
  description,
});
export const stringMap = (description: string): JsonSchema => ({
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
  description,
});
export const open = (
  description: string,
  properties: Record<string, JsonSchema> = {},
): JsonSchema => ({
  type: 'object',
  description,
  properties,
  'x-kubernetes-preserve-unknown-fields': true,
});
export const intOrString = (description: string): JsonSchema => ({
  'x-kubernetes-int-or-string': true,
  description,
});
export const list = (description: string, items: JsonSchema): JsonSchema => ({
  type: 'array',
  items,
  description,
});

export const header = {
  apiVersion: str(
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.',
  ),
  kind: str(
    'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.',
  ),
  metadata: {
    allOf: [{ $ref: `#/components/schemas/${META}` }],
    default: {},
    description: "Standard object's metadata.",
  } as JsonSchema,
};

export const OBJECT_META: JsonSchema = {
  type: 'object',
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  properties: {
    name: str('Name must be unique within a namespace. Cannot be updated.'),
    generateName: str(
      'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
    ),
    namespace: str(
      'Namespace defines the space within which each name must be unique. Cannot be updated.',
    ),
    uid: str(
      'UID is the unique in time and space value for this object. Populated by the system. Read-only.',
    ),
    resourceVersion: str(
      'An opaque value that represents the internal version of this object, used for optimistic concurrency. Read-only.',
    ),
    generation: {
      type: 'integer',
      format: 'int64',
      description:
        'A sequence number representing a specific generation of the desired state. Read-only.',
    },
    creationTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created. Read-only.',
    },
    deletionTimestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. Read-only.',
    },
    labels: stringMap(
      'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
    ),
    annotations: stringMap(
      'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.',
    ),
    finalizers: strings(
      'Must be empty before the object is deleted from the registry.',
    ),
    ownerReferences: list(
      'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.',
      open(
        'OwnerReference contains enough information to let you identify an owning object.',
      ),
    ),
  },
};

export const policyRule = open(
  'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.',
  {
    verbs: strings(
      "Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs.",
    ),
    apiGroups: strings(
      'APIGroups is the name of the APIGroup that contains the resources. "" represents the core API group and "*" represents all API groups.',
    ),
    resources: strings(
      "Resources is a list of resources this rule applies to. '*' represents all resources.",
    ),
    resourceNames: strings(
      'ResourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed.',
    ),
    nonResourceURLs: strings(
      'NonResourceURLs is a set of partial urls that a user should have access to. *s are allowed, but only as the full, final step in the path.',
    ),
  },
);
export const subjects = list(
  'Subjects holds references to the objects the role applies to.',
  open(
    'Subject contains a reference to the object or user identities a role binding applies to.',
    {
      kind: str(
        'Kind of object being referenced. Values defined by this API group are "User", "Group", and "ServiceAccount".',
      ),
      name: str('Name of the object being referenced.'),
      namespace: str(
        'Namespace of the referenced object (ServiceAccount only).',
      ),
      apiGroup: str('APIGroup holds the API group of the referenced subject.'),
    },
  ),
);
export const roleRef = open(
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. This field is immutable.',
  {
    apiGroup: str('APIGroup is the group for the resource being referenced'),
    kind: str('Kind is the type of resource being referenced'),
    name: str('Name is the name of resource being referenced'),
  },
);
export const container = open(
  'A single application container that you want to run within a pod.',
  {
    name: str(
      'Name of the container specified as a DNS_LABEL. Cannot be updated.',
    ),
    image: str('Container image name.'),
    command: strings(
      "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided.",
    ),
    args: strings(
      "Arguments to the entrypoint. The container image's CMD is used if this is not provided.",
    ),
    env: list(
      'List of environment variables to set in the container.',
      open('EnvVar represents an environment variable present in a Container.'),
    ),
    ports: list(
      'List of ports to expose from the container.',
      open('ContainerPort represents a network port in a single container.'),
    ),
    readinessProbe: open('Periodic probe of container service readiness.'),
  },
);
export const podSpec = open('PodSpec is a description of a pod.', {
  containers: list('List of containers belonging to the pod.', container),
  serviceAccountName: str(
    'ServiceAccountName is the name of the ServiceAccount to use to run this pod.',
  ),
});
