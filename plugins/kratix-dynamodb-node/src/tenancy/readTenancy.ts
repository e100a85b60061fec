import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Which owners each namespace is bound to (`kratixDynamodb.tenancy.namespaces`), as full
 * entity refs, e.g. `team-a → { group:default/team-a }`. The one fact behind three decisions:
 * the owner the catalog provider names, where a user may create (the create permission's
 * tenancy rule), and which annotation links the status route trusts.
 * @public
 */
export type Tenancy = {
  /** The owners bound to a namespace; empty when it is bound to nobody. */
  ownersOf(namespace: string): ReadonlySet<string>;
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

/** @public Reads the tenancy binding from config; an absent binding binds nothing. */
export function readTenancy(config: Config): Tenancy {
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
  return { ownersOf: namespace => owners.get(namespace) ?? NOBODY };
}
