import fs from 'node:fs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ClusterConfig } from '../clusterConfig';

/**
 * Auth strategies by `authProvider` name, in the shape of the Backstage Kubernetes plugin's
 * (`kubernetes.auth-strategy`): an adopter adds one under a new name, or replaces a built-in.
 * @public
 */
export type AuthStrategies = Record<string, AuthenticationStrategy>;

/**
 * The Kubernetes plugin's strategies that act as the backend itself. The cloud ones are that
 * plugin's own classes, so each behaves exactly as there (the AWS one signs an STS token per call, assumes
 * `kubernetes.io/aws-assume-role` with its external id, and uses the SDK's credential chain).
 */
const BACKEND_IDENTITY_PROVIDERS = [
  'serviceAccount',
  'aws',
  'googleServiceAccount',
  'azure',
  'localKubectlProxy',
];

/**
 * These act as the signed-in user, with a token the browser sends. The informers here are shared
 * by every viewer and run with the backend's own identity, so such a cluster cannot be read the
 * same way; it is refused at start-up rather than read anonymously.
 */
const USER_TOKEN_PROVIDERS = ['google', 'oidc', 'aks'];

/** Fails at start-up, naming the cluster and the value, for a provider that would not work. */
export function checkAuthProviders(
  clusters: ClusterConfig[],
  extra: AuthStrategies,
): void {
  for (const cluster of clusters) {
    if (cluster.auth.type !== 'provider') continue;
    const { provider, metadata } = cluster.auth;
    if (extra[provider]) {
      const errors = extra[provider].validateCluster(metadata);
      if (errors.length) {
        throw new InputError(
          `cluster '${cluster.name}': authProvider '${provider}': ${errors
            .map(e => e.message)
            .join('; ')}`,
        );
      }
      continue;
    }
    if (USER_TOKEN_PROVIDERS.includes(provider)) {
      throw new InputError(
        `cluster '${cluster.name}': authProvider '${provider}' signs in as each user, which kratix-dynamodb does not support: ` +
          "it watches clusters with the backend's own identity. Use serviceAccount, aws, googleServiceAccount or azure for this cluster.",
      );
    }
    if (!BACKEND_IDENTITY_PROVIDERS.includes(provider)) {
      throw new InputError(
        `cluster '${
          cluster.name
        }': unknown authProvider '${provider}'. Known: ${[
          ...BACKEND_IDENTITY_PROVIDERS,
          ...Object.keys(extra),
        ].join(', ')}`,
      );
    }
  }
}

/** Where Kubernetes projects a pod's service-account token; the kubelet rotates the file. */
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * `serviceAccount` as the Kubernetes plugin does it: the configured token, else the pod's own,
 * read again on every call so that a rotated token is picked up. Kept here because it is
 * trivial and common, so most apps never load the Kubernetes backend's module.
 */
const serviceAccountStrategy: AuthenticationStrategy = {
  async getCredential(cluster) {
    const token =
      cluster.authMetadata.serviceAccountToken ??
      (await fs.promises.readFile(IN_CLUSTER_TOKEN, 'utf8')).trim();
    return { type: 'bearer token', token };
  },
  validateCluster: () => [],
  presentAuthMetadata: () => ({}),
};

/** `localKubectlProxy`: `kubectl proxy` adds the credentials itself. */
const anonymousStrategy: AuthenticationStrategy = {
  getCredential: async () => ({ type: 'anonymous' }),
  validateCluster: () => [],
  presentAuthMetadata: () => ({}),
};

/** The built-in strategy of a name; the cloud ones are loaded on first use (the module is large). */
export async function loadBuiltInStrategy(
  provider: string,
  deps: { config: Config; logger?: LoggerService },
): Promise<AuthenticationStrategy> {
  if (provider === 'serviceAccount') return serviceAccountStrategy;
  if (provider === 'localKubectlProxy') return anonymousStrategy;
  const k8s = await import('@backstage/plugin-kubernetes-backend');
  switch (provider) {
    case 'aws':
      return new k8s.AwsIamStrategy({ config: deps.config });
    case 'googleServiceAccount':
      return new k8s.GoogleServiceAccountStrategy({ config: deps.config });
    case 'azure':
      return new k8s.AzureIdentityStrategy(deps.logger as any);
    default:
      throw new InputError(`unknown authProvider '${provider}'`);
  }
}
