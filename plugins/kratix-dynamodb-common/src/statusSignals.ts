/**
 * The signals channel on which the backend tells open cards that an entity's status chain
 * changed. The message says only that: the card then re-reads the chain through the status
 * route, with the viewer's own permissions, so a signal can never leak what it says.
 * @public
 */
export function statusChangedChannel(entityRef: string): string {
  return `kratix-dynamodb:status:${entityRef.toLocaleLowerCase('en-US')}`;
}

/** @public */
export type StatusChangedMessage = { type: 'status-changed' };
