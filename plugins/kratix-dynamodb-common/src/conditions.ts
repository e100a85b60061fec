import type { StageCondition } from './status';

/**
 * The conditions of an object's status, as Kratix, ACK and KubeVela write them, normalised to
 * strings so that a malformed entry cannot break a reader.
 * @public
 */
export function conditionsOf(
  object: { status?: any } | undefined,
): StageCondition[] {
  const raw: any[] = Array.isArray(object?.status?.conditions)
    ? object!.status.conditions
    : [];
  return raw.map(c => ({
    type: String(c.type),
    status: String(c.status),
    reason: c.reason || undefined,
    message: c.message || undefined,
    lastTransitionTime: c.lastTransitionTime || undefined,
  }));
}

/** @public The first condition of the given type, if any. */
export function findCondition(
  conditions: StageCondition[],
  type: string,
): StageCondition | undefined {
  return conditions.find(c => c.type === type);
}
