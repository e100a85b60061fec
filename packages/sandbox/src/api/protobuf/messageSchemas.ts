/**
 * Field numbers of the Kubernetes protobuf messages the sandbox can read, taken from the
 * `generated.proto` files of k8s.io/api and k8s.io/apimachinery (v1.32). Only the kinds that
 * kubectl's typed commands send (`create namespace|secret|configmap|serviceaccount|deployment|
 * service|role|clusterrole|rolebinding|clusterrolebinding|token`, `auth can-i`, `auth whoami`) are
 * here, with the fields those commands can fill. A non-zero field outside this table is
 * refused (415) rather than silently dropped.
 *
 * A field is `[jsonName, type]`. Types: `s` string, `b` bytes (base64 in JSON), `i` integer,
 * `bool`, `time` (meta.v1.Time), `ios` (IntOrString), `qty` (resource.Quantity), `map`
 * (map<string,string>), `mapb` (map<string,bytes>), `mapq` (map<string,Quantity>), or a message
 * name. `[]` in front repeats it; `?` after it marks a Go pointer, whose zero value is kept.
 */
export type FieldSpec = [jsonName: string, type: string];
export type MessageSchema = Record<number, FieldSpec>;

const objectMeta: MessageSchema = {
  1: ['name', 's'],
  2: ['generateName', 's'],
  3: ['namespace', 's'],
  4: ['selfLink', 's'],
  5: ['uid', 's'],
  6: ['resourceVersion', 's'],
  7: ['generation', 'i'],
  8: ['creationTimestamp', 'time'],
  9: ['deletionTimestamp', 'time'],
  10: ['deletionGracePeriodSeconds', 'i?'],
  11: ['labels', 'map'],
  12: ['annotations', 'map'],
  13: ['ownerReferences', '[]OwnerReference'],
  14: ['finalizers', '[]s'],
};

const accessReviewSpec: MessageSchema = {
  1: ['resourceAttributes', 'ResourceAttributes'],
  2: ['nonResourceAttributes', 'NonResourceAttributes'],
  3: ['user', 's'],
  4: ['groups', '[]s'],
  6: ['uid', 's'],
};

const binding: MessageSchema = {
  1: ['metadata', 'ObjectMeta'],
  2: ['subjects', '[]Subject'],
  3: ['roleRef', 'RoleRef'],
};

export const MESSAGES: Record<string, MessageSchema> = {
  ObjectMeta: objectMeta,
  OwnerReference: {
    1: ['kind', 's'],
    3: ['name', 's'],
    4: ['uid', 's'],
    5: ['apiVersion', 's'],
    6: ['controller', 'bool?'],
    7: ['blockOwnerDeletion', 'bool?'],
  },
  ObjectReference: {
    1: ['kind', 's'],
    2: ['namespace', 's'],
    3: ['name', 's'],
    4: ['uid', 's'],
    5: ['apiVersion', 's'],
    6: ['resourceVersion', 's'],
    7: ['fieldPath', 's'],
  },
  LocalObjectReference: { 1: ['name', 's'] },
  LabelSelector: {
    1: ['matchLabels', 'map'],
    2: ['matchExpressions', '[]LabelSelectorRequirement'],
  },
  LabelSelectorRequirement: {
    1: ['key', 's'],
    2: ['operator', 's'],
    3: ['values', '[]s'],
  },

  // core/v1
  Namespace: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'NamespaceSpec'],
    3: ['status', 'NamespaceStatus'],
  },
  NamespaceSpec: { 1: ['finalizers', '[]s'] },
  NamespaceStatus: { 1: ['phase', 's'] },
  ConfigMap: {
    1: ['metadata', 'ObjectMeta'],
    2: ['data', 'map'],
    3: ['binaryData', 'mapb'],
    4: ['immutable', 'bool?'],
  },
  Secret: {
    1: ['metadata', 'ObjectMeta'],
    2: ['data', 'mapb'],
    3: ['type', 's'],
    4: ['stringData', 'map'],
    5: ['immutable', 'bool?'],
  },
  ServiceAccount: {
    1: ['metadata', 'ObjectMeta'],
    2: ['secrets', '[]ObjectReference'],
    3: ['imagePullSecrets', '[]LocalObjectReference'],
    4: ['automountServiceAccountToken', 'bool?'],
  },
  Service: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'ServiceSpec'],
  },
  ServiceSpec: {
    1: ['ports', '[]ServicePort'],
    2: ['selector', 'map'],
    3: ['clusterIP', 's'],
    4: ['type', 's'],
    5: ['externalIPs', '[]s'],
    7: ['sessionAffinity', 's'],
    10: ['externalName', 's'],
    18: ['clusterIPs', '[]s'],
  },
  ServicePort: {
    1: ['name', 's'],
    2: ['protocol', 's'],
    3: ['port', 'i'],
    4: ['targetPort', 'ios'],
    5: ['nodePort', 'i'],
    6: ['appProtocol', 's?'],
  },
  PodTemplateSpec: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'PodSpec'],
  },
  PodSpec: {
    2: ['containers', '[]Container'],
    3: ['restartPolicy', 's'],
    4: ['terminationGracePeriodSeconds', 'i?'],
    6: ['dnsPolicy', 's'],
    7: ['nodeSelector', 'map'],
    8: ['serviceAccountName', 's'],
    9: ['serviceAccount', 's'],
    15: ['imagePullSecrets', '[]LocalObjectReference'],
    20: ['initContainers', '[]Container'],
    21: ['automountServiceAccountToken', 'bool?'],
  },
  Container: {
    1: ['name', 's'],
    2: ['image', 's'],
    3: ['command', '[]s'],
    4: ['args', '[]s'],
    5: ['workingDir', 's'],
    6: ['ports', '[]ContainerPort'],
    7: ['env', '[]EnvVar'],
    8: ['resources', 'ResourceRequirements'],
    13: ['terminationMessagePath', 's'],
    14: ['imagePullPolicy', 's'],
    16: ['stdin', 'bool'],
    17: ['stdinOnce', 'bool'],
    18: ['tty', 'bool'],
    20: ['terminationMessagePolicy', 's'],
  },
  ContainerPort: {
    1: ['name', 's'],
    2: ['hostPort', 'i'],
    3: ['containerPort', 'i'],
    4: ['protocol', 's'],
    5: ['hostIP', 's'],
  },
  EnvVar: { 1: ['name', 's'], 2: ['value', 's'] },
  ResourceRequirements: { 1: ['limits', 'mapq'], 2: ['requests', 'mapq'] },

  // apps/v1
  Deployment: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'DeploymentSpec'],
  },
  DeploymentSpec: {
    1: ['replicas', 'i?'],
    2: ['selector', 'LabelSelector'],
    3: ['template', 'PodTemplateSpec'],
    4: ['strategy', 'DeploymentStrategy'],
    5: ['minReadySeconds', 'i'],
    6: ['revisionHistoryLimit', 'i?'],
    7: ['paused', 'bool'],
    9: ['progressDeadlineSeconds', 'i?'],
  },
  DeploymentStrategy: {
    1: ['type', 's'],
    2: ['rollingUpdate', 'RollingUpdateDeployment'],
  },
  RollingUpdateDeployment: {
    1: ['maxUnavailable', 'ios?'],
    2: ['maxSurge', 'ios?'],
  },

  // rbac.authorization.k8s.io/v1
  Role: { 1: ['metadata', 'ObjectMeta'], 2: ['rules', '[]PolicyRule'] },
  ClusterRole: { 1: ['metadata', 'ObjectMeta'], 2: ['rules', '[]PolicyRule'] },
  PolicyRule: {
    1: ['verbs', '[]s'],
    2: ['apiGroups', '[]s'],
    3: ['resources', '[]s'],
    4: ['resourceNames', '[]s'],
    5: ['nonResourceURLs', '[]s'],
  },
  RoleBinding: binding,
  ClusterRoleBinding: binding,
  Subject: {
    1: ['kind', 's'],
    2: ['apiGroup', 's'],
    3: ['name', 's'],
    4: ['namespace', 's'],
  },
  RoleRef: { 1: ['apiGroup', 's'], 2: ['kind', 's'], 3: ['name', 's'] },

  // authorization.k8s.io/v1 and authentication.k8s.io/v1
  SelfSubjectAccessReview: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'SubjectAccessReviewSpec'],
  },
  SubjectAccessReview: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'SubjectAccessReviewSpec'],
  },
  LocalSubjectAccessReview: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'SubjectAccessReviewSpec'],
  },
  SubjectAccessReviewSpec: accessReviewSpec,
  ResourceAttributes: {
    1: ['namespace', 's'],
    2: ['verb', 's'],
    3: ['group', 's'],
    4: ['version', 's'],
    5: ['resource', 's'],
    6: ['subresource', 's'],
    7: ['name', 's'],
  },
  NonResourceAttributes: { 1: ['path', 's'], 2: ['verb', 's'] },
  SelfSubjectRulesReview: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'SelfSubjectRulesReviewSpec'],
  },
  SelfSubjectRulesReviewSpec: { 1: ['namespace', 's'] },
  SelfSubjectReview: { 1: ['metadata', 'ObjectMeta'] },
  TokenRequest: {
    1: ['metadata', 'ObjectMeta'],
    2: ['spec', 'TokenRequestSpec'],
  },
  TokenRequestSpec: {
    1: ['audiences', '[]s'],
    3: ['boundObjectRef', 'BoundObjectReference'],
    4: ['expirationSeconds', 'i?'],
  },
  BoundObjectReference: {
    1: ['kind', 's'],
    2: ['apiVersion', 's'],
    3: ['name', 's'],
    4: ['uid', 's'],
  },
};
