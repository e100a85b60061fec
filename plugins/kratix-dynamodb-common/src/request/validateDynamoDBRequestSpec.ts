/**
 * The one check every producer and consumer of a DynamoDBRequest applies: the scaffolder
 * action before creating it, the workflow pipeline before rendering the ACK Table, and the
 * sandbox. It reports every problem at once, so a form can mark all fields in one pass.
 */
import type {
  DynamoDBRequestSpec,
  DynamoDBRequestValidationError,
  DynamoDBRequestValidationResult,
} from './types';
import { dynamoDBRequestSpecShape } from './schema';
import { zodIssuesToErrors } from './zodIssuesToErrors';
import { checkCrossFieldRules } from './rules';

function withoutRepeats(errors: DynamoDBRequestValidationError[]) {
  const seen = new Set<string>();
  return errors.filter(error => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks a request spec against the shape and AWS's own rules, and applies the defaults
 * (deletionPolicy: retain).
 * @public
 */
export function validateDynamoDBRequestSpec(
  input: unknown,
): DynamoDBRequestValidationResult {
  const parsed = dynamoDBRequestSpecShape.safeParse(input);
  const errors = withoutRepeats([
    ...(parsed.success ? [] : zodIssuesToErrors(parsed.error.issues)),
    ...checkCrossFieldRules(input),
  ]);
  if (parsed.success && errors.length === 0) {
    const spec: DynamoDBRequestSpec = parsed.data;
    return { valid: true, spec };
  }
  return { valid: false, errors };
}

/**
 * The errors as one line each, `path: message`, for status messages and logs.
 * @public
 */
export function describeValidationErrors(
  errors: readonly DynamoDBRequestValidationError[],
): string[] {
  return errors.map(error =>
    error.path ? `${error.path}: ${error.message}` : error.message,
  );
}
