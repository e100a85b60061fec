import type { Config } from '@backstage/config';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type {
  ClusterClientFactory,
  KratixDynamoDBNamespaceResource,
} from '@kratix-dynamodb/node';
import type { RequestKindRegistry } from './requestKinds';

/** What the actions need from the backend. */
export type KratixDynamoDBActionDependencies = {
  clients: ClusterClientFactory;
  permissions: PermissionsService;
  config: Config;
  /**
   * The create permission's rules as the scaffolder's permissions registry holds them
   * (including any a module added); the built-in ones when absent.
   */
  createRuleset?: PermissionRuleset<KratixDynamoDBNamespaceResource>;
  /** Request kinds with rules of their own; DynamoDBRequest's when absent. */
  requestKinds?: RequestKindRegistry;
  /** How often to look at the cluster while waiting for readiness (default 2000 ms). */
  pollIntervalMs?: number;
};

export const DEFAULT_POLL_INTERVAL_MS = 2000;
