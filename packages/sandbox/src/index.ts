/**
 * The embedded sandbox cluster: a local Kubernetes API server that plays Kratix, ACK and
 * KubeVela, for development and tests without Docker, Kubernetes or AWS.
 *
 * @packageDocumentation
 */
export { startSandbox, type Sandbox } from './startSandbox';
export type { SandboxOptions, LocalImage } from './SandboxOptions';
export type { Faults } from './faults/FaultSettings';
export { FaultSettings } from './faults/FaultSettings';
export {
  writeExecKubeconfig,
  SANDBOX_CREDENTIAL_PLUGIN,
  type ExecKubeconfigOptions,
} from './execKubeconfig';
export { writeRotatingKubeconfig } from './rotatingKubeconfig';
export type { RequestCounts } from './api/RequestCounter';
export type {
  PipelineRunner,
  PipelineAction,
} from './controllers/kratix/PipelineRunner';
export {
  applyDynamoDBPromise,
  seedDynamoDBRequests,
  type SeedOptions,
} from './seed/seedDynamoDBRequests';
export type { SeedTarget } from './seed/apiClient';
export {
  readmeClusterRole,
  permissionsOf,
  withoutPermission,
  startReadmeRbacSandbox,
  README_CLUSTER_ROLE_MARKER,
  README_ROLE_USERS,
  permissionsUsedBy,
  type ClusterRoleManifest,
  type RoleUser,
  type Permission,
  type PolicyRule,
  type RbacSandbox,
} from './seed/readmeClusterRole';
