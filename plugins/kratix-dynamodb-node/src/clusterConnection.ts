import fs from 'node:fs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { AuthStrategies, loadBuiltInStrategy } from './auth/authStrategies';
import { KubernetesUserTokens } from '@kratix-dynamodb/common';
import { ClusterConfig } from './clusterConfig';
import { clusterDetailsOf } from './clusterDetails';
import { ClusterConnection, RequestCredentials } from './httpTransport';

type KubeConfigLike = {
  applyToHTTPSOptions(opts: any): Promise<void>;
  getCurrentCluster(): {
    server: string;
    proxyUrl?: string;
    tlsServerName?: string;
    skipTLSVerify?: boolean;
  } | null;
};

/** Credentials from a kubeconfig, asked of it per request: client-node refreshes exec and file tokens. */
async function kubeConfigCredentials(
  kc: KubeConfigLike,
): Promise<RequestCredentials> {
  const opts: {
    headers: Record<string, string>;
    auth?: string;
    cert?: Buffer;
    key?: Buffer;
  } = { headers: {} };
  await kc.applyToHTTPSOptions(opts);
  const headers = { ...opts.headers };
  // Basic auth arrives as `auth`, which node's https would use; one place for it is simpler.
  if (opts.auth)
    headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
      'base64',
    )}`;
  return { headers, cert: opts.cert, key: opts.key };
}

async function connectionFromKubeConfig(
  cluster: ClusterConfig,
): Promise<ClusterConnection> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  if (cluster.auth.type === 'inCluster') {
    kc.loadFromCluster();
  } else if (cluster.auth.type === 'kubeconfig') {
    kc.loadFromFile(cluster.auth.path);
    if (cluster.auth.context) kc.setCurrentContext(cluster.auth.context);
  }
  const current = kc.getCurrentCluster();
  const server = cluster.url ?? current?.server;
  if (!server)
    throw new InputError(
      `Cluster '${cluster.name}' has no server URL in its kubeconfig`,
    );
  // TLS settings and the proxy agent are fixed for the connection; only credentials change.
  const tls: { ca?: Buffer; agent?: any } = {};
  await kc.applyToHTTPSOptions(tls as any);
  // Requests that find the token expired at the same moment share one refresh. client-node
  // would otherwise run the exec plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`) once for
  // each of them: every informer's list or watch and every status read in flight.
  let refreshing: Promise<RequestCredentials> | undefined;
  const credentials = () =>
    (refreshing ??= kubeConfigCredentials(kc).finally(() => {
      refreshing = undefined;
    }));
  return {
    server,
    credentials,
    ca: tls.ca,
    servername: current?.tlsServerName,
    rejectUnauthorized: !(cluster.skipTLSVerify || current?.skipTLSVerify),
    agent: current?.proxyUrl ? tls.agent : undefined,
  };
}

/** Credentials from an auth strategy, asked of it per request (it caches what may be cached). */
async function strategyCredentials(
  strategy: AuthenticationStrategy,
  details: ClusterDetails,
  requestAuth: KubernetesUserTokens,
): Promise<RequestCredentials> {
  const credential = await strategy.getCredential(details, requestAuth);
  switch (credential.type) {
    case 'bearer token':
      return { headers: { Authorization: `Bearer ${credential.token}` } };
    case 'x509 client certificate':
      return { headers: {}, cert: credential.cert, key: credential.key };
    default:
      return { headers: {} };
  }
}

/**
 * How to reach one configured cluster, given the tokens a request brought (only strategies that
 * act as the user read them). Credentials are obtained for every request.
 */
export type ConnectionFactory = (
  requestAuth: KubernetesUserTokens,
) => ClusterConnection;

/** The connection factory of one configured cluster; its strategy is loaded once. */
export async function connectionFor(
  cluster: ClusterConfig,
  deps: { config: Config; logger?: LoggerService; strategies: AuthStrategies },
): Promise<ConnectionFactory> {
  if (cluster.auth.type !== 'provider') {
    const connection = await connectionFromKubeConfig(cluster);
    return () => connection;
  }
  const { provider, metadata } = cluster.auth;
  const strategy = await loadBuiltInStrategy(provider, {
    ...deps,
    extra: deps.strategies,
  });
  const details = clusterDetailsOf(cluster, metadata);
  let ca: Buffer | undefined;
  if (cluster.caData) ca = Buffer.from(cluster.caData, 'base64');
  else if (cluster.caFile) ca = fs.readFileSync(cluster.caFile);
  return requestAuth => ({
    server: cluster.url!,
    credentials: () => strategyCredentials(strategy, details, requestAuth),
    ca,
    rejectUnauthorized: !cluster.skipTLSVerify,
  });
}

/** Asks a strategy for a credential once, so that a request without its user's token fails early and clearly. */
export async function checkUserCredential(
  cluster: ClusterConfig,
  deps: { config: Config; logger?: LoggerService; strategies: AuthStrategies },
  requestAuth: KubernetesUserTokens,
): Promise<void> {
  if (cluster.auth.type !== 'provider') return;
  const strategy = await loadBuiltInStrategy(cluster.auth.provider, {
    ...deps,
    extra: deps.strategies,
  });
  await strategy.getCredential(
    clusterDetailsOf(cluster, cluster.auth.metadata),
    requestAuth,
  );
}
