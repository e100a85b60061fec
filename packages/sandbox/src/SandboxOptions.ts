import type { Faults } from './faults/FaultSettings';
import type { PipelineRunner } from './controllers/kratix/PipelineRunner';
import type { SandboxUser } from './auth/identities';

/** A container image the sandbox runs as a local process instead of pulling it. */
export type LocalImage = {
  command: string;
  args?: string[];
  cwd?: string;
};

export type SandboxOptions = {
  /** API port on 127.0.0.1; 0 picks a free one. Default 6443. */
  port?: number;
  /** Bearer token clients must send; random when not given. */
  token?: string;
  /** Where to write the kubeconfig; `false` writes none. Default `<repo>/.sandbox/kubeconfig`. */
  kubeconfigPath?: string | false;
  /** Keep cluster state (and DynamoDB tables) in this folder so a restart loses nothing. In memory when unset. */
  persistDir?: string;
  /** Port of the DynamoDB endpoint (dynalite) on 127.0.0.1; 0 (default) picks a free one. */
  dynamodbPort?: number;
  /** How long a new table stays CREATING. Default 500 ms. */
  createTableMs?: number;
  /** The ACK controller's default region and the account reported in ackResourceMetadata. */
  awsRegion?: string;
  awsAccountId?: string;
  /** Faults to start with (they can be changed later through `faults` or PUT /sandbox/faults). */
  faults?: Faults;
  /** Images run as local processes; default maps `session-api:latest` to the example service. */
  localImages?: Record<string, LocalImage>;
  /** Replace every Promise's workflow pipeline with this one (tests only). */
  runPipeline?: PipelineRunner;
  /**
   * The workflow images the sandbox runs in-process, by image without its tag. Default: the
   * pipelines of the examples' Promises (aws-dynamodb-kratix and object-bucket).
   */
  pipelineImages?: Record<string, () => PipelineRunner>;
  /** Start the Kratix, ACK and KubeVela controllers (default true). */
  controllers?: boolean;
  /**
   * Authorize requests with RBAC (Roles, ClusterRoles and their bindings) instead of allowing
   * every authenticated request. Default false. The main token stays a cluster admin.
   */
  rbac?: boolean;
  /** Named users (user name → groups, optional fixed token), each with its own bearer token. */
  users?: Record<string, SandboxUser>;
  /**
   * Let TokenRequest issue tokens down to 1 s (the apiserver refuses under 600 s), so tests can
   * see clients outlive several tokens. A deliberate deviation; default false.
   */
  shortTokenLifetimes?: boolean;
  /**
   * Serve the whole API (and /sandbox/*) below this path, as Rancher does
   * (`/k8s/clusters/c-1`); anything else is 404. `url`, `plainHttpUrl` and the kubeconfig
   * include it. Default none.
   */
  pathPrefix?: string;
  /**
   * How long a watch with `allowWatchBookmarks=true` that fell behind waits before it sends a
   * BOOKMARK. Default 60 000 ms, about the apiserver's pace; tests may shorten it.
   */
  watchBookmarkIntervalMs?: number;
  /** Where controller and process logs go; silent by default. */
  log?: (line: string) => void;
};
