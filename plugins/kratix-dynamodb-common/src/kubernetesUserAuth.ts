/**
 * How a signed-in user's own Kubernetes token travels from the browser to the backend, for
 * clusters whose `authProvider` acts as each user (`oidc`, `google`, `aks`). It is the contract
 * of the Backstage Kubernetes plugin: one header per provider, named
 * `Backstage-Kubernetes-Authorization-<provider>` (`-Oidc-<oidcTokenProvider>` for oidc), whose
 * value is the bare token. The same names serve as scaffolder secret keys, so a template's
 * task carries the token the same way a request does.
 */

/** @public The auth providers whose credential is the signed-in user's own token. */
export const USER_TOKEN_AUTH_PROVIDERS = ['oidc', 'google', 'aks'] as const;

/** @public How a cluster authenticates, as the backend tells the frontend (no secrets). */
export type ClusterAuthInfo = {
  name: string;
  authProvider: string;
  /** For `oidc`: the Backstage auth provider whose ID token the cluster accepts. */
  oidcTokenProvider?: string;
  /** Whether each request must carry the signed-in user's token for this cluster. */
  actsAsUser: boolean;
};

/**
 * The tokens of one request, by provider, in the shape of the Kubernetes plugin's
 * `KubernetesRequestAuth`: `{ google: '…', aks: '…', oidc: { okta: '…' } }`. Provider names
 * are lower-cased, since header names are case-insensitive.
 * @public
 */
export type KubernetesUserTokens = {
  google?: string;
  aks?: string;
  oidc?: Record<string, string>;
};

const HEADER_PREFIX = 'backstage-kubernetes-authorization-';

/**
 * The header (and scaffolder secret key) that carries the user's token for a cluster of this
 * provider, e.g. `backstage-kubernetes-authorization-oidc-okta`.
 * @public
 */
export function kubernetesUserTokenHeader(auth: {
  authProvider: string;
  oidcTokenProvider?: string;
}): string {
  const provider = auth.authProvider.toLocaleLowerCase('en-US');
  if (provider !== 'oidc') return `${HEADER_PREFIX}${provider}`;
  if (!auth.oidcTokenProvider)
    throw new Error('an oidc cluster names its oidcTokenProvider');
  return `${HEADER_PREFIX}oidc-${auth.oidcTokenProvider.toLocaleLowerCase(
    'en-US',
  )}`;
}

function bareToken(value: unknown): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return undefined;
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}

/**
 * The user tokens among request headers or scaffolder secrets (any case). Anything else is
 * ignored, so the caller's Backstage token never becomes a cluster credential.
 * @public
 */
export function readKubernetesUserTokens(
  entries: Record<string, unknown> | undefined,
): KubernetesUserTokens {
  const tokens: KubernetesUserTokens = {};
  for (const [key, value] of Object.entries(entries ?? {})) {
    const name = key.toLocaleLowerCase('en-US');
    if (!name.startsWith(HEADER_PREFIX)) continue;
    const token = bareToken(value);
    if (!token) continue;
    const provider = name.slice(HEADER_PREFIX.length);
    if (provider.startsWith('oidc-') && provider.length > 'oidc-'.length) {
      tokens.oidc = { ...tokens.oidc, [provider.slice('oidc-'.length)]: token };
    } else if (provider === 'google' || provider === 'aks') {
      tokens[provider] = token;
    }
  }
  return tokens;
}
