import { AuthenticationError } from '@backstage/errors';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  kubernetesUserTokenHeader,
  KubernetesUserTokens,
} from '@kratix-dynamodb/common';

/**
 * An auth strategy whose credential is the signed-in user's own token, which each request
 * brings (`oidc`, `google`, `aks`, or an adopter's). Clusters with such a strategy are never
 * read by a shared informer or cache: every read is made for one user, with that user's token.
 * @public
 */
export type UserTokenAuthStrategy = AuthenticationStrategy & {
  readonly actsAsUser: true;
};

/** @public Whether a strategy acts as the signed-in user rather than as the backend. */
export function actsAsUser(
  strategy: AuthenticationStrategy,
): strategy is UserTokenAuthStrategy {
  return (strategy as Partial<UserTokenAuthStrategy>).actsAsUser === true;
}

/** The metadata key the Kubernetes plugin names the oidc token provider with. */
export const OIDC_TOKEN_PROVIDER_KEY = 'kubernetes.io/oidc-token-provider';

function missingToken(cluster: string, header: string): AuthenticationError {
  return new AuthenticationError(
    `Cluster '${cluster}' is read with your own sign-in token, and this request carried none ` +
      `(header ${header}). Sign in to that provider in Backstage and reload.`,
  );
}

/**
 * The three strategies of the Kubernetes plugin that act as the user. Unlike that plugin's AKS
 * strategy, a missing token is an error here, never an anonymous request.
 */
function userTokenStrategy(
  provider: 'oidc' | 'google' | 'aks',
): UserTokenAuthStrategy {
  return {
    actsAsUser: true,
    async getCredential(cluster, requestAuth) {
      const tokens = requestAuth as KubernetesUserTokens;
      const tokenProvider = cluster.authMetadata[OIDC_TOKEN_PROVIDER_KEY];
      const header = kubernetesUserTokenHeader({
        authProvider: provider,
        oidcTokenProvider: tokenProvider,
      });
      const token =
        provider === 'oidc'
          ? tokens.oidc?.[tokenProvider.toLocaleLowerCase('en-US')]
          : tokens[provider];
      if (typeof token !== 'string' || !token)
        throw missingToken(cluster.name, header);
      return { type: 'bearer token', token };
    },
    validateCluster(metadata) {
      if (provider === 'oidc' && !metadata[OIDC_TOKEN_PROVIDER_KEY])
        return [
          new Error(
            `oidc needs oidcTokenProvider (authMetadata.${OIDC_TOKEN_PROVIDER_KEY}): the Backstage auth provider whose token the cluster accepts`,
          ),
        ];
      return [];
    },
    presentAuthMetadata: () => ({}),
  };
}

/** @public The built-in strategies that act as the signed-in user. */
export const USER_TOKEN_STRATEGIES: Record<string, UserTokenAuthStrategy> = {
  oidc: userTokenStrategy('oidc'),
  google: userTokenStrategy('google'),
  aks: userTokenStrategy('aks'),
};
