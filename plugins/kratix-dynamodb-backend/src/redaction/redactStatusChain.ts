import type { StatusChain, StatusStage } from '@kratix-dynamodb/common';
import { redactText } from './redactText';

function redactStage(stage: StatusStage): StatusStage {
  return {
    ...stage,
    summary: redactText(stage.summary),
    hint: stage.hint === undefined ? undefined : redactText(stage.hint),
    conditions: stage.conditions.map(condition => ({
      ...condition,
      reason:
        condition.reason === undefined
          ? undefined
          : redactText(condition.reason),
      message:
        condition.message === undefined
          ? undefined
          : redactText(condition.message),
    })),
    details:
      stage.details &&
      Object.fromEntries(
        Object.entries(stage.details).map(([key, value]) => [
          key,
          typeof value === 'string' ? redactText(value) : value,
        ]),
      ),
  };
}

/**
 * The chain as a viewer without `kratix.dynamodb.objects.read` sees it: every text that can
 * quote the cluster or AWS (summaries, hints, conditions, details) with addresses,
 * identities and account ids replaced, and `redacted` set when anything was. The objects
 * themselves are never in such a chain (they need the permission outright).
 */
export function redactStatusChain(chain: StatusChain): StatusChain {
  const stages = chain.stages.map(redactStage);
  const changed = JSON.stringify(stages) !== JSON.stringify(chain.stages);
  return { ...chain, stages, ...(changed ? { redacted: true } : {}) };
}
