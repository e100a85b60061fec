import fs from 'node:fs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { AuthStrategies, loadBuiltInStrategy } from './auth/authStrategies';
import { ClusterConfig } from './clusterConfig';
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
  return {
    server,
    credentials: () => kubeConfigCredentials(kc),
    ca: tls.ca,
    servername: current?.tlsServerName,
    rejectUnauthorized: !(cluster.skipTLSVerify || current?.skipTLSVerify),
    agent: current?.proxyUrl ? tls.agent : undefined,
  };
}

function clusterDetails(
  cluster: ClusterConfig,
  metadata: Record<string, string>,
): ClusterDetails {
  return {
    name: cluster.name,
    url: cluster.url!,
    authMetadata: {
      authProvider: (cluster.auth as { provider: string }).provider,
      ...metadata,
    },
    skipTLSVerify: cluster.skipTLSVerify,
    caData: cluster.caData,
    caFile: cluster.caFile,
  };
}

/** Credentials from an auth strategy, asked of it per request (it caches what may be cached). */
async function strategyCredentials(
  strategy: AuthenticationStrategy,
  details: ClusterDetails,
): Promise<RequestCredentials> {
  const credential = await strategy.getCredential(details, {});
  switch (credential.type) {
    case 'bearer token':
      return { headers: { Authorization: `Bearer ${credential.token}` } };
    case 'x509 client certificate':
      return { headers: {}, cert: credential.cert, key: credential.key };
    default:
      return { headers: {} };
  }
}

/** How to reach one configured cluster, with credentials obtained for every request. */
export async function connectionFor(
  cluster: ClusterConfig,
  deps: { config: Config; logger?: LoggerService; strategies: AuthStrategies },
): Promise<ClusterConnection> {
  if (cluster.auth.type !== 'provider')
    return connectionFromKubeConfig(cluster);
  const { provider, metadata } = cluster.auth;
  const strategy =
    deps.strategies[provider] ?? (await loadBuiltInStrategy(provider, deps));
  const details = clusterDetails(cluster, metadata);
  let ca: Buffer | undefined;
  if (cluster.caData) ca = Buffer.from(cluster.caData, 'base64');
  else if (cluster.caFile) ca = fs.readFileSync(cluster.caFile);
  return {
    server: cluster.url!,
    credentials: () => strategyCredentials(strategy, details),
    ca,
    rejectUnauthorized: !cluster.skipTLSVerify,
  };
}
