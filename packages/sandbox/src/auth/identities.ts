import { createHmac } from 'node:crypto';
import { ServiceAccountTokens } from './serviceAccountTokens';

/** Who a request is from, as the apiserver's authenticators report it. */
export type UserInfo = { username: string; uid?: string; groups: string[] };

/** A named user of the sandbox: its groups and, optionally, a fixed token. */
export type SandboxUser = { groups?: string[]; token?: string };

/** The identity behind the sandbox's main token: a cluster admin, as kubeadm's admin.conf is. */
export const ADMIN: UserInfo = {
  username: 'sandbox-admin',
  groups: ['system:masters', 'system:authenticated'],
};

const SA_PREFIX = 'system:serviceaccount:';

/**
 * Bearer tokens → identities. The main token is the admin; each configured user has its own
 * token (given, or derived from the main token so that it survives a restart with persisted
 * state); service-account tokens are JWTs signed with the main token that name their account
 * and their expiry, so they need no storage (see ServiceAccountTokens).
 */
export class Identities {
  readonly userTokens: Record<string, string> = {};
  readonly #byToken = new Map<string, UserInfo>();
  readonly #serviceAccounts: ServiceAccountTokens;

  constructor(
    private readonly mainToken: string,
    users: Record<string, SandboxUser> = {},
  ) {
    this.#serviceAccounts = new ServiceAccountTokens(mainToken);
    this.#byToken.set(mainToken, ADMIN);
    for (const [username, user] of Object.entries(users)) {
      const token = user.token ?? this.#sign(`user:${username}`);
      this.userTokens[username] = token;
      this.#byToken.set(token, {
        username,
        groups: withAuthenticated(user.groups ?? []),
      });
    }
  }

  /**
   * The identity a token stands for, or undefined when it is unknown or expired.
   * `serviceAccountExists` lets a deleted ServiceAccount's tokens stop working, as on a real
   * cluster.
   */
  authenticate(
    token: string | undefined,
    serviceAccountExists: (namespace: string, name: string) => boolean,
  ): UserInfo | undefined {
    if (!token) return undefined;
    const known = this.#byToken.get(token);
    if (known) return known;
    const account = this.#serviceAccounts.verify(token);
    if (!account || !serviceAccountExists(account.namespace, account.name))
      return undefined;
    return serviceAccountUser(account.namespace, account.name);
  }

  /**
   * A bearer token for a ServiceAccount (what `kubectl create token` returns), valid until
   * `expiresAt` (epoch seconds) or, without it, for as long as the account exists.
   */
  serviceAccountToken(
    namespace: string,
    name: string,
    expiresAt?: number,
  ): string {
    return this.#serviceAccounts.mint({ namespace, name }, expiresAt);
  }

  #sign(what: string): string {
    return createHmac('sha256', this.mainToken)
      .update(what)
      .digest('base64url')
      .slice(0, 32);
  }
}

/** The user name and groups the apiserver gives a ServiceAccount. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    username: `${SA_PREFIX}${namespace}:${name}`,
    groups: [
      'system:serviceaccounts',
      `system:serviceaccounts:${namespace}`,
      'system:authenticated',
    ],
  };
}

/** `system:serviceaccount:<ns>:<name>` → [ns, name]. */
export function parseServiceAccountUser(
  username: string,
): [string, string] | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const [namespace, name] = username.slice(SA_PREFIX.length).split(':');
  return namespace && name ? [namespace, name] : undefined;
}

export function withAuthenticated(groups: string[]): string[] {
  return groups.includes('system:authenticated')
    ? groups
    : [...groups, 'system:authenticated'];
}

/** `alice:developers,qa;bob` (SANDBOX_USERS) → users and their groups. */
export function parseUsers(
  spec: string | undefined,
): Record<string, SandboxUser> {
  const users: Record<string, SandboxUser> = {};
  for (const entry of (spec ?? '').split(';').map(e => e.trim())) {
    if (!entry) continue;
    const [name, groups = ''] = entry.split(':');
    users[name.trim()] = {
      groups: groups
        .split(',')
        .map(g => g.trim())
        .filter(Boolean),
    };
  }
  return users;
}
