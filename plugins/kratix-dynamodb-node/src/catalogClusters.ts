import dns from 'node:dns/promises';
import net from 'node:net';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import { AUTH_PROVIDER_KEY } from './clusterDetails';

/**
 * The `catalog` locator's own settings, as the Kubernetes plugin names them.
 * @public
 */
export type CatalogLocatorOptions = {
  /** Hosts (`*.example.com` allowed) exempt from the public-HTTPS rule, e.g. a lab cluster. */
  dangerouslyAllowClusterUrls: string[];
  /** Whether an entity may turn TLS verification off (`kubernetes.io/skip-tls-verify`). */
  dangerouslyAllowSkipTLSVerify: boolean;
};

/**
 * The `catalog` locator of `kubernetes.clusterLocatorMethods`, when the Kubernetes plugin's
 * config is the one read (no `kratixDynamodb.clusters`).
 * @public
 */
export function readCatalogLocatorOptions(
  config: Config,
): CatalogLocatorOptions | undefined {
  if (config.has('kratixDynamodb.clusters')) return undefined;
  const locator = (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  ).find(l => l.getString('type') === 'catalog');
  if (!locator) return undefined;
  return {
    dangerouslyAllowClusterUrls:
      locator.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [],
    dangerouslyAllowSkipTLSVerify:
      locator.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false,
  };
}

/**
 * The part of the catalog service this supplier uses.
 * @public
 */
export type CatalogEntitiesReader = {
  getEntities(
    request: { filter: Record<string, string | symbol | string[]>[] },
    options: { credentials: BackstageCredentials },
  ): Promise<{
    items: Array<{
      metadata: {
        name: string;
        title?: string;
        annotations?: Record<string, string>;
      };
    }>;
  }>;
};

/** The catalog's "annotation present" filter value (catalog-client's CATALOG_FILTER_EXISTS). */
const CATALOG_FILTER_EXISTS = Symbol.for(
  // The same registered symbol catalog-client exports, so the catalog service understands it.
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

const API_SERVER = 'kubernetes.io/api-server';
const API_SERVER_CA = 'kubernetes.io/api-server-certificate-authority';
const SKIP_TLS_VERIFY = 'kubernetes.io/skip-tls-verify';
/** Never taken from an entity: anyone who can register one would choose the backend's token. */
const REFUSED_PROVIDERS = ['serviceAccount', 'localKubectlProxy'];
const REFUSED_METADATA = ['serviceAccountToken'];

/** Loopback, private, link-local, CGNAT and unique-local ranges: not a cluster's public API. */
const NON_PUBLIC = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  NON_PUBLIC.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  NON_PUBLIC.addSubnet(address, prefix, 'ipv6');

const isNonPublic = (ip: string) =>
  NON_PUBLIC.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4');

function hostAllowed(hostname: string, patterns: string[]): boolean {
  return patterns.some(pattern => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.')
      ? hostname.endsWith(p.slice(1)) || hostname === p.slice(2)
      : hostname === p;
  });
}

/**
 * An entity names the URL the backend sends credentials to, so it must be a public HTTPS API
 * server (no SSRF into the backend's network), unless the locator exempts its host.
 */
export async function checkCatalogClusterUrl(
  url: string | undefined,
  options: CatalogLocatorOptions,
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    throw new Error(`${API_SERVER} is not a URL`);
  }
  if (parsed.username || parsed.password)
    throw new Error(`${API_SERVER} must not hold credentials`);
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (hostAllowed(host, options.dangerouslyAllowClusterUrls)) {
    if (!['http:', 'https:'].includes(parsed.protocol))
      throw new Error(`${API_SERVER} must be http or https`);
    return;
  }
  if (parsed.protocol !== 'https:')
    throw new Error(`${API_SERVER} must use https`);
  const addresses = net.isIP(host)
    ? [host]
    : (await dns.lookup(host, { all: true })).map(a => a.address);
  if (addresses.some(isNonPublic))
    throw new Error(
      `${API_SERVER} ${host} is not a public address (allow it with dangerouslyAllowClusterUrls)`,
    );
}

/**
 * The Kubernetes plugin's `catalog` cluster locator: Resource entities of type
 * `kubernetes-cluster` with `kubernetes.io/api-server`, `…-certificate-authority` and
 * `kubernetes.io/auth-provider` annotations. The other `kubernetes.io/*` annotations are the
 * strategy's `authMetadata`. An entity that fails a rule is left out and logged.
 * @public
 */
export class CatalogClusterSupplier implements KubernetesClustersSupplier {
  constructor(
    private readonly catalog: CatalogEntitiesReader,
    private readonly options: CatalogLocatorOptions,
    private readonly logger?: LoggerService,
  ) {}

  async getClusters(request: {
    credentials: BackstageCredentials;
  }): Promise<ClusterDetails[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Resource',
            'spec.type': 'kubernetes-cluster',
            [`metadata.annotations.${API_SERVER}`]: CATALOG_FILTER_EXISTS,
            [`metadata.annotations.${API_SERVER_CA}`]: CATALOG_FILTER_EXISTS,
            [`metadata.annotations.${AUTH_PROVIDER_KEY}`]:
              CATALOG_FILTER_EXISTS,
          },
        ],
      },
      { credentials: request.credentials },
    );
    const clusters: ClusterDetails[] = [];
    for (const entity of items) {
      try {
        clusters.push(await this.#details(entity));
      } catch (e) {
        this.logger?.warn(
          `kratix-dynamodb: kubernetes-cluster Resource '${
            entity.metadata.name
          }' left out: ${(e as Error).message}`,
        );
      }
    }
    return clusters;
  }

  async #details(entity: {
    metadata: {
      name: string;
      title?: string;
      annotations?: Record<string, string>;
    };
  }): Promise<ClusterDetails> {
    const annotations = entity.metadata.annotations ?? {};
    const provider = annotations[AUTH_PROVIDER_KEY];
    if (REFUSED_PROVIDERS.includes(provider))
      throw new Error(
        `authProvider '${provider}' is not taken from the catalog (it would send the backend's own credentials where an entity says)`,
      );
    await checkCatalogClusterUrl(annotations[API_SERVER], this.options);
    const authMetadata = Object.fromEntries(
      Object.entries(annotations).filter(
        ([key]) =>
          key.startsWith('kubernetes.io/') && !REFUSED_METADATA.includes(key),
      ),
    );
    return {
      name: entity.metadata.name,
      title: entity.metadata.title,
      url: annotations[API_SERVER],
      authMetadata,
      caData: annotations[API_SERVER_CA],
      skipTLSVerify:
        this.options.dangerouslyAllowSkipTLSVerify &&
        annotations[SKIP_TLS_VERIFY] === 'true',
    };
  }
}
