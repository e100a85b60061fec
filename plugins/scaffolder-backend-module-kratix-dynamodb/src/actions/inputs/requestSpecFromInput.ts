import {
  DynamoDBRequestSpec,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import type { ActionDefaults } from './actionDefaults';
import { dropEmptyFormSections } from './dropEmptyFormSections';
import type { FieldError } from './fieldErrors';
import { RequestFieldInput, requestFieldInputs } from './requestFieldInputs';

/** The model calls the table name `name`; the actions call it `tableName` (see mapModelPath). */
function toSpecCandidate(
  input: RequestFieldInput,
  defaults: ActionDefaults,
): Record<string, unknown> {
  const { tableName, ...fields } = input;
  const candidate: Record<string, unknown> = { name: tableName };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) candidate[key] = value;
  }
  candidate.region ??= defaults.region;
  candidate.deletionPolicy ??= defaults.deletionPolicy;
  return dropEmptyFormSections(candidate);
}

function mapModelPath(path: string): string {
  if (path === 'name') return 'tableName';
  return path;
}

/** Only the request fields of an action input, for sections that mix in other fields. */
export function pickRequestFields(input: RequestFieldInput): RequestFieldInput {
  return Object.fromEntries(
    Object.keys(requestFieldInputs).map(key => [
      key,
      input[key as keyof RequestFieldInput],
    ]),
  ) as RequestFieldInput;
}

/**
 * The request spec, checked by the one model every producer uses, with the config defaults
 * applied; or every problem, by input path.
 */
export function requestSpecFromInput(
  input: RequestFieldInput,
  defaults: ActionDefaults,
): { spec?: DynamoDBRequestSpec; errors: FieldError[] } {
  const result = validateDynamoDBRequestSpec(toSpecCandidate(input, defaults));
  if (result.valid) return { spec: result.spec, errors: [] };
  return {
    errors: result.errors.map(error => ({
      path: mapModelPath(error.path),
      message: error.message,
    })),
  };
}
