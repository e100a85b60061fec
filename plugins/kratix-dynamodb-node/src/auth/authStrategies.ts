import fs from 'node:fs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ClusterConfig } from '../clusterConfig';
import { actsAsUser, USER_TOKEN_STRATEGIES } from './userTokenStrategies';

/**
 * Auth strategies by `authProvider` name, in the shape of the Backstage Kubernetes plugin's
 * (`kubernetes.auth-strategy`): an adopter adds one under a new name, or replaces a built-in.
 * @public
 */
export type AuthStrategies = Record<string, AuthenticationStrategy>;

/**
 * The Kubernetes plugin's strategies that act as the backend itself (`oidc`, `google` and `aks`
 * act as the signed-in user: userTokenStrategies.ts). The cloud ones are that
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

/** Whether a provider name is one this package knows without any added strategy. */
export function isBuiltInProvider(provider: string): boolean {
  return (
    BACKEND_IDENTITY_PROVIDERS.includes(provider) ||
    provider in USER_TOKEN_STRATEGIES
  );
}

/** The strategy a name stands for when it needs no loading: an added one, or a per-user one. */
function immediateStrategy(
  provider: string,
  extra: AuthStrategies,
): AuthenticationStrategy | undefined {
  return extra[provider] ?? USER_TOKEN_STRATEGIES[provider];
}

/** Whether clusters of this provider are read as each signed-in user, with their own token. */
export function providerActsAsUser(
  provider: string,
  extra: AuthStrategies,
): boolean {
  const strategy = immediateStrategy(provider, extra);
  return strategy ? actsAsUser(strategy) : false;
}

/** Fails at start-up, naming the cluster and the value, for a provider that would not work. */
export function checkAuthProviders(
  clusters: ClusterConfig[],
  extra: AuthStrategies,
): void {
  for (const cluster of clusters) {
    if (cluster.auth.type !== 'provider') continue;
    const { provider, metadata } = cluster.auth;
    const strategy = immediateStrategy(provider, extra);
    if (strategy) {
      const errors = strategy.validateCluster(metadata);
      if (errors.length) {
        throw new InputError(
          `cluster '${cluster.name}': authProvider '${provider}': ${errors
            .map(e => e.message)
            .join('; ')}`,
        );
      }
      continue;
    }
    if (!BACKEND_IDENTITY_PROVIDERS.includes(provider)) {
      const known = [
        ...BACKEND_IDENTITY_PROVIDERS,
        ...Object.keys(USER_TOKEN_STRATEGIES),
        ...Object.keys(extra),
      ];
      throw new InputError(
        `cluster '${
          cluster.name
        }': unknown authProvider '${provider}'. Known: ${[
          ...new Set(known),
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

/** The strategy of a name: an added one, else the built-in one; the cloud ones are loaded on first use (the module is large). */
export async function loadBuiltInStrategy(
  provider: string,
  deps: { config: Config; logger?: LoggerService; extra: AuthStrategies },
): Promise<AuthenticationStrategy> {
  const immediate = immediateStrategy(provider, deps.extra);
  if (immediate) return immediate;
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
