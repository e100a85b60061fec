import path from 'node:path';
import { createApiRequestHandler } from './api/ApiServer';
import { ALWAYS_ALLOW, RbacAuthorizer } from './auth/authorizer';
import { ensureBootstrapPolicy } from './auth/bootstrapPolicy';
import { Identities } from './auth/identities';
import { normalizePathPrefix } from './api/pathPrefix';
import { WatchRegistry } from './api/WatchRegistry';
import { OpenApiDocuments } from './api/openApiDocuments';
import { RequestCounter, type RequestCounts } from './api/RequestCounter';
import { startControllers } from './controllers/startControllers';
import { FaultSettings } from './faults/FaultSettings';
import { findRepoRoot, writeKubeconfig } from './kubeconfig';
import type { SandboxOptions } from './SandboxOptions';
import { DualProtocolServer } from './server/DualProtocolServer';
import { loadOrCreateCredentials } from './server/selfSignedCertificate';
import { INITIAL_NAMESPACES } from './store/builtinResources';
import { ClusterOperations } from './store/ClusterOperations';
import { ObjectStore } from './store/ObjectStore';
import {
  CustomResourceRegistry,
  type CrdObject,
} from './store/ResourceRegistry';

export type Sandbox = {
  /** The API server's URL, e.g. https://127.0.0.1:6443 (what the kubeconfig names), with the `pathPrefix` if any. */
  url: string;
  /** The same port spoken as plain HTTP, for fetch and curl (kubectl insists on TLS to send a token); with the `pathPrefix` if any. */
  plainHttpUrl: string;
  /** The `pathPrefix` the API is served under ('' when none). */
  pathPrefix: string;
  token: string;
  /** PEM of the self-signed certificate the HTTPS side presents (it is its own CA). */
  caCertificate: string;
  /** Where the kubeconfig was written, or undefined when none was asked for. */
  kubeconfigPath?: string;
  /** The DynamoDB API (dynalite) that the ACK controller and local workloads use. */
  dynamodbEndpoint: string;
  faults: FaultSettings;
  /** The bearer token of each configured user (`users` option), by user name. */
  userTokens: Record<string, string>;
  /**
   * A bearer token for a ServiceAccount, as `kubectl create token` returns: valid for
   * `expirationSeconds` (any positive number, no 600 s floor) or, without it, for as long as
   * the account exists.
   */
  serviceAccountToken(
    namespace: string,
    name: string,
    expirationSeconds?: number,
  ): string;
  requestCounts(): RequestCounts;
  /** Direct access to cluster state, for tests and the controllers. */
  operations: ClusterOperations;
  stop(): Promise<void>;
};

/** Starts the API server and, unless told otherwise, the Kratix, ACK and KubeVela controllers. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const { token, key, cert } = loadOrCreateCredentials(
    options.persistDir,
    options.token,
  );
  const registry = new CustomResourceRegistry();
  const store = new ObjectStore(
    options.persistDir && path.join(options.persistDir, 'cluster'),
  );
  const ops = new ClusterOperations(store, registry);
  restoreCrds(ops);
  ensureNamespaces(ops);
  ensureBootstrapPolicy(ops);
  const identities = new Identities(token, options.users);

  const faults = new FaultSettings(options.faults);
  const counter = new RequestCounter();
  const pathPrefix = normalizePathPrefix(options.pathPrefix);
  const watches = new WatchRegistry(options.watchBookmarkIntervalMs);
  watches.setStalled(!!faults.get().watchStall);
  faults.onChange((now, before) => {
    // A server that goes down takes its open watches with it, not only the requests that follow.
    if (now.apiDown && !before.apiDown) watches.closeAll();
    watches.setStalled(!!now.watchStall);
  });
  const controllers = await startControllers(ops, faults, options);

  const server = new DualProtocolServer(
    createApiRequestHandler({
      ops,
      identities,
      authorizer: options.rbac ? new RbacAuthorizer(ops) : ALWAYS_ALLOW,
      faults,
      counter,
      watches,
      openApi: new OpenApiDocuments(registry),
      endpoints: controllers.endpoints,
      controllerMetrics: controllers.metrics,
      pathPrefix,
      tokenRequests: { shortTokenLifetimes: options.shortTokenLifetimes },
    }),
    { key, cert },
  );
  let port: number;
  try {
    port = await server.listen(options.port ?? 6443, '127.0.0.1');
  } catch (error) {
    await controllers.stop();
    throw error;
  }
  const url = `https://127.0.0.1:${port}${pathPrefix ?? ''}`;

  const kubeconfigPath =
    options.kubeconfigPath === false
      ? undefined
      : options.kubeconfigPath ??
        path.join(findRepoRoot(), '.sandbox', 'kubeconfig');
  if (kubeconfigPath)
    writeKubeconfig(kubeconfigPath, url, token, cert, identities.userTokens);

  let stopped: Promise<void> | undefined;
  return {
    url,
    plainHttpUrl: `http://127.0.0.1:${port}${pathPrefix ?? ''}`,
    pathPrefix: pathPrefix ?? '',
    token,
    caCertificate: cert,
    kubeconfigPath,
    dynamodbEndpoint: controllers.dynamodbEndpoint,
    faults,
    userTokens: identities.userTokens,
    serviceAccountToken: (namespace, name, expirationSeconds) =>
      identities.serviceAccountToken(
        namespace,
        name,
        expirationSeconds === undefined
          ? undefined
          : Date.now() / 1000 + expirationSeconds,
      ),
    operations: ops,
    requestCounts: () => counter.snapshot(),
    stop: () =>
      (stopped ??= (async () => {
        watches.closeAll();
        await server.close();
        await controllers.stop();
        store.flush();
      })()),
  };
}

/** After a restart from persisted state, the stored CRDs must serve their kinds again. */
function restoreCrds(ops: ClusterOperations): void {
  for (const crd of ops.store.list(
    'customresourcedefinitions.apiextensions.k8s.io',
  )) {
    ops.registry.registerCrd(crd as unknown as CrdObject);
  }
}

function ensureNamespaces(ops: ClusterOperations): void {
  const namespaces = ops.registry.byKind('', 'Namespace')!;
  for (const name of INITIAL_NAMESPACES) {
    if (!ops.tryGet(namespaces, undefined, name)) {
      ops.create(namespaces, undefined, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    }
  }
}
