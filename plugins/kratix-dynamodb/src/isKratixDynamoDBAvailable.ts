import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@kratix-dynamodb/common';

/**
 * Whether the entity is linked to a DynamoDBRequest or a KubeVela Application, i.e. whether
 * the card has anything to show.
 * @public
 */
export function isKratixDynamoDBAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ANNOTATIONS.request] || annotations[ANNOTATIONS.application],
  );
}
