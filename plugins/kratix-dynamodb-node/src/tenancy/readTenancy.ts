import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ClusterInformers } from '../informers/ClusterInformers';
import type { ObjectInformer } from '../informers/ObjectInformer';

/**
 * Which owners each namespace is bound to, as full entity refs, e.g.
 * `team-a → { group:default/team-a }`: from `kratixDynamodb.tenancy.namespaces`, or else from
 * the namespace's label `kratixDynamodb.tenancy.namespaceLabel` on its cluster. The one fact
 * behind three decisions: the owner the catalog provider names, where a user may create (the
 * create permission's tenancy rule), and which annotation links the status route trusts.
 * @public
 */
export type Tenancy = {
  /**
   * The owners bound to a namespace; empty when it is bound to nobody. Without `cluster`, or
   * before `ready(cluster)` has read the cluster's namespaces, only the config binding counts.
   */
  ownersOf(namespace: string, cluster?: string): ReadonlySet<string>;
  /**
   * Reads the cluster's namespace labels (once; a shared watch keeps them current) so that
   * ownersOf answers from them. Resolves at once when no label key is configured; never
   * rejects (a cluster that does not answer leaves only the config binding).
   */
  ready?(cluster: string): Promise<void>;
};

/**
 * An owner ref in full form, as the catalog and Backstage identities write them
 * (`team-a` → `group:default/team-a`), so that config, annotations and claims compare.
 * Undefined when the text is not an entity ref at all.
 * @public
 */
export function normalizeOwnerRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

const NOBODY: ReadonlySet<string> = new Set();

const NAMESPACE = { group: '', version: 'v1', kind: 'Namespace' };

/** How long ready() waits for a cluster's first list of namespaces. */
const FIRST_LIST_TIMEOUT_MS = 10_000;

/**
 * The owner a namespace label names. Label values cannot hold `:` or `/`, so a value is a
 * group's name in the default namespace (`team-a` → `group:default/team-a`).
 */
function ownerOfLabel(value: string | undefined): string | undefined {
  return value ? normalizeOwnerRef(value) : undefined;
}

/**
 * The shared informers of the backend each root config belongs to. readTenancy is called by
 * every plugin that decides on tenancy, several of which hold only the config; the clusters
 * service registers its informers here, so every reader of one backend shares one namespace
 * watch per cluster without each call site handing the informers over.
 */
const informersOfConfig = new WeakMap<Config, ClusterInformers>();

/** Called by the clusters service for the root config it was made from. */
export function shareInformersForTenancy(
  config: Config,
  informers: ClusterInformers,
) {
  informersOfConfig.set(config, informers);
}

/**
 * Reads the tenancy binding; an absent binding binds nothing. With the clusters service's
 * informers (`options.informers`, or those it registered for this config), and
 * `kratixDynamodb.tenancy.namespaceLabel` set, a namespace that config does not bind is bound
 * to the owner its label names on that cluster. Config wins where it binds a namespace: the
 * platform team's word is above whoever may label namespaces.
 * @public
 */
export function readTenancy(
  config: Config,
  options: { informers?: ClusterInformers } = {},
): Tenancy {
  const labelKey = config.getOptionalString(
    'kratixDynamodb.tenancy.namespaceLabel',
  );
  const namespaces = config.getOptionalConfig(
    'kratixDynamodb.tenancy.namespaces',
  );
  const owners = new Map<string, ReadonlySet<string>>();
  for (const namespace of namespaces?.keys() ?? []) {
    const refs = namespaces!.getStringArray(namespace).map(ref => {
      const normalized = normalizeOwnerRef(ref);
      if (!normalized) {
        throw new Error(
          `kratixDynamodb.tenancy.namespaces.${namespace} has '${ref}', which is not an entity ref`,
        );
      }
      return normalized;
    });
    owners.set(namespace, new Set(refs));
  }
  const labelled = new Map<string, ObjectInformer>();
  const reading = new Map<string, Promise<void>>();
  return {
    ownersOf(namespace, cluster) {
      const configured = owners.get(namespace);
      if (configured || !labelKey || cluster === undefined) {
        return configured ?? NOBODY;
      }
      const object = labelled.get(cluster)?.get(undefined, namespace);
      const owner = ownerOfLabel(object?.metadata.labels?.[labelKey]);
      return owner ? new Set([owner]) : NOBODY;
    },
    ready(cluster) {
      // Looked up now, not when read: the clusters service may start after the caller.
      const informers = options.informers ?? informersOfConfig.get(config);
      if (!labelKey || !informers) return Promise.resolve();
      let done = reading.get(cluster);
      if (!done) {
        done = (async () => {
          // Only the labelled namespaces: the watch holds what it needs and no more.
          const informer = await informers.informer(cluster, NAMESPACE, {
            labelSelector: labelKey,
          });
          await informer.waitForFirstSync(FIRST_LIST_TIMEOUT_MS);
          labelled.set(cluster, informer);
        })().catch(() => {
          // Unknown cluster, or one read as each user (no shared watch): config only. Asked
          // again next time, since a cluster supplier may add the cluster later.
          reading.delete(cluster);
        });
        reading.set(cluster, done);
      }
      return done;
    },
  };
}
