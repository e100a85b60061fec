import { Config } from '@backstage/config';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { clusterObjectLocation } from '@kratix-dynamodb/common';

/**
 * Which owners a namespace belongs to (`kratixDynamodb.tenancy.namespaces`), as entity refs,
 * e.g. `{ team-a: ['group:default/team-a'] }`.
 */
export type Tenancy = { namespaceOwners: Map<string, Set<string>> };

const ownerRef = (ref: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  );

export function readTenancy(config: Config): Tenancy {
  const namespaces = config.getOptionalConfig(
    'kratixDynamodb.tenancy.namespaces',
  );
  const namespaceOwners = new Map<string, Set<string>>();
  for (const namespace of namespaces?.keys() ?? []) {
    namespaceOwners.set(
      namespace,
      new Set(namespaces!.getStringArray(namespace).map(ownerRef)),
    );
  }
  return { namespaceOwners };
}

export type ObjectLink = {
  what: 'request' | 'application';
  cluster: string;
  namespace: string;
  name: string;
};

/**
 * Why an entity's annotation may not decide which cluster object the backend reads for it, or
 * undefined when it may. Annotations are claims anyone who registers a catalog-info.yaml can
 * make; the backend reads with its own cluster-wide identity, so a claim is honoured only when
 * proven: the entity is the one this plugin's catalog provider made for that very object, or
 * the object's namespace is bound to the entity's owner.
 */
export function untrustedLinkReason(
  entity: Entity,
  link: ObjectLink,
  tenancy: Tenancy,
): string | undefined {
  const location =
    entity.metadata.annotations?.['backstage.io/managed-by-location'];
  if (
    location === clusterObjectLocation(link.cluster, link.namespace, link.name)
  )
    return undefined;
  const owner =
    typeof entity.spec?.owner === 'string'
      ? ownerRef(entity.spec.owner)
      : undefined;
  if (owner && tenancy.namespaceOwners.get(link.namespace)?.has(owner))
    return undefined;
  return (
    `This entity's link to the ${link.what} ${link.namespace}/${link.name} on cluster '${link.cluster}' is not trusted: ` +
    `the entity was not made by the kratix-dynamodb catalog provider, and namespace ${
      link.namespace
    } is not bound to its owner ${owner ?? '(none)'}`
  );
}
