export { KratixDryRun } from './KratixDryRun';
export { kratixDryRunValidation } from './kratixDryRunValidation';
export type { KratixDryRunUiOptions } from './dryRunRequestFromForm';
