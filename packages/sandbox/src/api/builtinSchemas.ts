import type { JsonSchema } from '../schema/JsonSchema';
import {
  bool,
  header,
  int,
  intOrString,
  list,
  open,
  podSpec,
  policyRule,
  roleRef,
  str,
  stringMap,
  strings,
  subjects,
} from './builtinSchemaParts';

export { OBJECT_META } from './builtinSchemaParts';

/**
 * Documentation-only OpenAPI schemas of the built-in kinds, for `kubectl explain` and for the
 * per-group documents kubectl reads. They describe the main fields with the apiserver's own
 * wording (abridged); they are never used to prune or validate objects, because a partial
 * schema would prune the fields it leaves out. Unlisted fields stay allowed
 * (`x-kubernetes-preserve-unknown-fields`).
 */

/** What `kubectl explain <kind>` reads, keyed by `group/version/kind` (core group: empty). */
export const BUILTIN_SCHEMAS: Record<
  string,
  { name: string; description: string; properties: Record<string, JsonSchema> }
> = {
  '/v1/Namespace': {
    name: 'io.k8s.api.core.v1.Namespace',
    description:
      'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    properties: {
      spec: open('Spec defines the behavior of the Namespace.', {
        finalizers: strings(
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
        ),
      }),
      status: open('Status describes the current status of a Namespace.', {
        phase: str('Phase is the current lifecycle phase of the namespace.'),
      }),
    },
  },
  '/v1/ConfigMap': {
    name: 'io.k8s.api.core.v1.ConfigMap',
    description: 'ConfigMap holds configuration data for pods to consume.',
    properties: {
      data: stringMap(
        "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      ),
      binaryData: stringMap(
        "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      ),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
      ),
    },
  },
  '/v1/Secret': {
    name: 'io.k8s.api.core.v1.Secret',
    description:
      'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    properties: {
      data: stringMap(
        'Data contains the secret data. The serialized form of the secret data is a base64 encoded string.',
      ),
      stringData: stringMap(
        'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience.',
      ),
      type: str('Used to facilitate programmatic handling of secret data.'),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ),
    },
  },
  '/v1/ServiceAccount': {
    name: 'io.k8s.api.core.v1.ServiceAccount',
    description:
      'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets',
    properties: {
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ),
    },
  },
  '/v1/Service': {
    name: 'io.k8s.api.core.v1.Service',
    description:
      'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    properties: {
      spec: open('Spec defines the behavior of a service.', {
        ports: list(
          'The list of ports that are exposed by this service.',
          open("ServicePort contains information on service's port."),
        ),
        selector: stringMap(
          'Route service traffic to pods with label keys and values matching this selector.',
        ),
        type: str(
          'type determines how the Service is exposed. Defaults to ClusterIP.',
        ),
        clusterIP: str(
          'clusterIP is the IP address of the service and is usually assigned randomly.',
        ),
      }),
      status: open('Most recently observed status of the service.'),
    },
  },
  '/v1/Pod': {
    name: 'io.k8s.api.core.v1.Pod',
    description:
      'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    properties: {
      spec: podSpec,
      status: open('Most recently observed status of the pod.'),
    },
  },
  '/v1/Event': {
    name: 'io.k8s.api.core.v1.Event',
    description: 'Event is a report of an event somewhere in the cluster.',
    properties: {
      involvedObject: open('The object that this event is about.'),
      reason: str(
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      message: str(
        'A human-readable description of the status of this operation.',
      ),
      type: str(
        'Type of this event (Normal, Warning), new types could be added in the future',
      ),
    },
  },
  'apps/v1/Deployment': {
    name: 'io.k8s.api.apps.v1.Deployment',
    description:
      'Deployment enables declarative updates for Pods and ReplicaSets.',
    properties: {
      spec: open('Specification of the desired behavior of the Deployment.', {
        replicas: int(
          'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
        ),
        selector: open(
          'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
        ),
        template: open('Template describes the pods that will be created.', {
          metadata: header.metadata,
          spec: podSpec,
        }),
        strategy: open(
          'The deployment strategy to use to replace existing pods with new ones.',
        ),
      }),
      status: open('Most recently observed status of the Deployment.', {
        readyReplicas: int(
          'readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.',
        ),
      }),
    },
  },
  'policy/v1/PodDisruptionBudget': {
    name: 'io.k8s.api.policy.v1.PodDisruptionBudget',
    description:
      'PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods',
    properties: {
      spec: open(
        'Specification of the desired behavior of the PodDisruptionBudget.',
        {
          minAvailable: intOrString(
            'An eviction is allowed if at least "minAvailable" pods selected by "selector" will still be available after the eviction.',
          ),
          maxUnavailable: intOrString(
            'An eviction is allowed if at most "maxUnavailable" pods selected by "selector" are unavailable after the eviction.',
          ),
          selector: open(
            'Label query over pods whose evictions are managed by the disruption budget.',
          ),
        },
      ),
      status: open('Most recently observed status of the PodDisruptionBudget.'),
    },
  },
  'rbac.authorization.k8s.io/v1/Role': {
    name: 'io.k8s.api.rbac.v1.Role',
    description:
      'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
    properties: {
      rules: list('Rules holds all the PolicyRules for this Role', policyRule),
    },
  },
  'rbac.authorization.k8s.io/v1/ClusterRole': {
    name: 'io.k8s.api.rbac.v1.ClusterRole',
    description:
      'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.',
    properties: {
      rules: list(
        'Rules holds all the PolicyRules for this ClusterRole',
        policyRule,
      ),
    },
  },
  'rbac.authorization.k8s.io/v1/RoleBinding': {
    name: 'io.k8s.api.rbac.v1.RoleBinding',
    description:
      'RoleBinding references a role, but does not contain it. It can reference a Role in the same namespace or a ClusterRole in the global namespace.',
    properties: { subjects, roleRef },
  },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': {
    name: 'io.k8s.api.rbac.v1.ClusterRoleBinding',
    description:
      'ClusterRoleBinding references a ClusterRole, but not contain it. It can reference a ClusterRole in the global namespace, and adds who information via Subject.',
    properties: { subjects, roleRef },
  },
};

/** The OpenAPI schema of a built-in kind, or undefined for kinds without documentation here. */
export function builtinSchema(
  group: string,
  version: string,
  kind: string,
): { name: string; schema: JsonSchema } | undefined {
  const entry = BUILTIN_SCHEMAS[`${group}/${version}/${kind}`];
  if (!entry) return undefined;
  return {
    name: entry.name,
    schema: {
      type: 'object',
      description: entry.description,
      properties: { ...header, ...entry.properties },
      'x-kubernetes-preserve-unknown-fields': true,
    },
  };
}
