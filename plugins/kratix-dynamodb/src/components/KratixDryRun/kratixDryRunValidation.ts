import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { describeDryRunProblems } from '@kratix-dynamodb/common';
import { kratixClustersApiRef } from '../../api/KratixClustersApi';
import {
  dryRunRequestFromForm,
  type KratixDryRunUiOptions,
} from './dryRunRequestFromForm';

/**
 * Run by the wizard on Next (validators may be async in scaffolder-react 1.x/2.x): asks the
 * cluster again with the form as it is now, and refuses the step while it refuses, each
 * message naming its field. A cluster that cannot be asked does not block: the create step
 * checks again, and would report it.
 */
export const kratixDryRunValidation: CustomFieldValidator<
  string,
  KratixDryRunUiOptions
> = async (_value, validation, context) => {
  const request = dryRunRequestFromForm(
    context.formData,
    context.uiSchema?.['ui:options'],
  );
  if (!request) return;
  const api = context.apiHolder.get(kratixClustersApiRef);
  if (!api) return;
  const result = await api.dryRun(request);
  if (result.outcome !== 'refused') return;
  for (const line of describeDryRunProblems(result.problems)) {
    validation.addError(line);
  }
};
