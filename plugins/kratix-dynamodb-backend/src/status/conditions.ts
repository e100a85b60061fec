import { StageCondition, StatusStage } from '@kratix-dynamodb/common';

/** The conditions of an object's status, in the card's shape. */
export function conditionsOf(obj: { status?: any } | undefined): StageCondition[] {
  const raw: any[] = Array.isArray(obj?.status?.conditions) ? obj!.status.conditions : [];
  return raw.map(c => ({
    type: String(c.type),
    status: String(c.status),
    reason: c.reason || undefined,
    message: c.message || undefined,
    lastTransitionTime: c.lastTransitionTime || undefined,
  }));
}

export function findCondition(conditions: StageCondition[], type: string) {
  return conditions.find(c => c.type === type);
}

/** Whether an object has had long enough to get a status from its controller. */
export function isPastGrace(createdAt: string | undefined, now: Date, graceMs: number): boolean {
  if (!createdAt) return true;
  return now.getTime() - new Date(createdAt).getTime() > graceMs;
}

/** A stage that could not be judged, saying why. */
export function unknownStage(id: StatusStage['id'], summary: string, hint?: string): StatusStage {
  return { id, state: 'unknown', summary, hint, conditions: [], links: [] };
}

/** A stage that does not apply to this entity. */
export function skippedStage(id: StatusStage['id'], summary: string): StatusStage {
  return { id, state: 'skipped', summary, conditions: [], links: [] };
}
