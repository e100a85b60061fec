import { Entity } from '@backstage/catalog-model';
import { clusterObjectLocation } from '@kratix-dynamodb/common';
import { normalizeOwnerRef, Tenancy } from '@kratix-dynamodb/node';

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
      ? normalizeOwnerRef(entity.spec.owner)
      : undefined;
  if (owner && tenancy.ownersOf(link.namespace, link.cluster).has(owner))
    return undefined;
  return (
    `This entity's link to the ${link.what} ${link.namespace}/${link.name} on cluster '${link.cluster}' is not trusted: ` +
    `the entity was not made by the kratix-dynamodb catalog provider, and namespace ${
      link.namespace
    } is not bound to its owner ${owner ?? '(none)'}`
  );
}
