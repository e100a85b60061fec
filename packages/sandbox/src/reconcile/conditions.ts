import { isoSeconds } from '../store/objectMetadata';

export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  [key: string]: unknown;
};

/** Sets a condition, keeping its lastTransitionTime unless its status changed (as meta.SetStatusCondition does). */
export function withCondition(
  conditions: Condition[] | undefined,
  next: Condition,
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  const previous = index >= 0 ? list[index] : undefined;
  const lastTransitionTime =
    previous && previous.status === next.status && previous.lastTransitionTime
      ? previous.lastTransitionTime
      : isoSeconds(new Date());
  const merged = { ...next, lastTransitionTime };
  if (index >= 0) list[index] = merged;
  else list.push(merged);
  return list;
}
