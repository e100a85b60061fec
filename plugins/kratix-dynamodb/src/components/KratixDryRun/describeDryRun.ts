import {
  describeDryRunProblems,
  type DryRunResult,
} from '@kratix-dynamodb/common';

/**
 * The field's value, one line: the Review page lists it, so the user sees the cluster's
 * verdict right before creating.
 */
export function describeDryRun(result: DryRunResult): string {
  const objects = result.checked.join(' and ');
  switch (result.outcome) {
    case 'accepted':
      return `Accepted by cluster '${result.cluster}' (server-side dry run of ${objects}; nothing was created)`;
    case 'unchecked':
      return `Not checked: cluster '${result.cluster}' could not be asked; the create step checks again`;
    default:
      return `Refused: ${describeDryRunProblems(result.problems).join('; ')}`;
  }
}

/** The label the form uses for a problem's source. */
export const SOURCE_LABELS = {
  model: 'request model',
  policy: 'platform policy',
  cluster: 'cluster admission',
} as const;
