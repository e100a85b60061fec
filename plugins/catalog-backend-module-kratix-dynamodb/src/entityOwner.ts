import { ANNOTATIONS } from '@kratix-dynamodb/common';
import { normalizeOwnerRef, Tenancy } from '@kratix-dynamodb/node';

/** The owner of an object in a namespace bound to nobody. */
export const UNBOUND_OWNER = 'group:default/guests';

/**
 * Who owns the entity of a cluster object: the tenancy binding of its namespace decides.
 * The object's owner annotation is a claim anyone who may edit the object can make, so it is
 * honoured only when it names one of the owners bound to that namespace (it picks among
 * them); otherwise the first bound owner. A namespace bound to nobody gives its objects to
 * UNBOUND_OWNER, whatever they claim.
 */
export function entityOwnerOf(
  object: {
    metadata: { namespace?: string; annotations?: Record<string, string> };
  },
  tenancy: Tenancy,
  cluster: string,
): string {
  const bound = tenancy.ownersOf(
    object.metadata.namespace ?? 'default',
    cluster,
  );
  const claim = object.metadata.annotations?.[ANNOTATIONS.owner];
  const claimed = claim === undefined ? undefined : normalizeOwnerRef(claim);
  if (claimed && bound.has(claimed)) return claimed;
  const [first] = bound;
  return first ?? UNBOUND_OWNER;
}
