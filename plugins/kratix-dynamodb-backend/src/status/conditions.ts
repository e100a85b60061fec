import { StatusStage } from '@kratix-dynamodb/common';

/** Whether an object has had long enough to get a status from its controller. */
export function isPastGrace(
  createdAt: string | undefined,
  now: Date,
  graceMs: number,
): boolean {
  if (!createdAt) return true;
  return now.getTime() - new Date(createdAt).getTime() > graceMs;
}

/** A stage that could not be judged, saying why. */
export function unknownStage(
  id: StatusStage['id'],
  summary: string,
  hint?: string,
): StatusStage {
  return { id, state: 'unknown', summary, hint, conditions: [], links: [] };
}

/** A stage that does not apply to this entity. */
export function skippedStage(
  id: StatusStage['id'],
  summary: string,
): StatusStage {
  return { id, state: 'skipped', summary, conditions: [], links: [] };
}
