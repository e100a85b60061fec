import { formatFieldPath, PathSegment } from '@kratix-dynamodb/common';
import { z } from 'zod/v3';
import { FieldError, throwIfInvalid } from './fieldErrors';
import type { InputSchemas } from './inputTypes';

/** Far beyond any real input; past these an input is an attack or an accident, and is never echoed. */
export const INPUT_BOUNDS = {
  stringLength: 4096,
  arrayLength: 200,
  depth: 8,
} as const;

function boundProblems(
  value: unknown,
  path: PathSegment[],
  errors: FieldError[],
) {
  if (errors.length >= 20) return;
  const at = formatFieldPath(path);
  if (typeof value === 'string') {
    if (value.length > INPUT_BOUNDS.stringLength)
      errors.push({
        path: at,
        message: `is ${value.length} characters long; at most ${INPUT_BOUNDS.stringLength}`,
      });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (path.length >= INPUT_BOUNDS.depth) {
    errors.push({
      path: at,
      message: `is nested deeper than ${INPUT_BOUNDS.depth} levels`,
    });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > INPUT_BOUNDS.arrayLength) {
      errors.push({
        path: at,
        message: `has ${value.length} entries; at most ${INPUT_BOUNDS.arrayLength}`,
      });
      return;
    }
    value.forEach((item, i) => boundProblems(item, [...path, i], errors));
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > INPUT_BOUNDS.arrayLength) {
    errors.push({
      path: at,
      message: `has ${entries.length} fields; at most ${INPUT_BOUNDS.arrayLength}`,
    });
    return;
  }
  for (const [key, item] of entries) {
    if (key.length > 256)
      errors.push({
        path: at,
        message: 'has a field name longer than 256 characters',
      });
    else boundProblems(item, [...path, key], errors);
  }
}

/**
 * The scaffolder checks inputs against the action's schema before the handler runs, but a
 * handler may be called otherwise (another action, a test, a changed runner). Checking the
 * shape and size here means every later rule sees the types it expects, and bad input always
 * ends as field errors (an InputError, HTTP 400), never as a TypeError with a stack trace.
 */
export function checkInputShape(
  actionId: string,
  schemas: InputSchemas,
  input: unknown,
): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throwIfInvalid(actionId, [
      { path: '', message: 'the input must be an object of named fields' },
    ]);
  const bounds: FieldError[] = [];
  boundProblems(input, [], bounds);
  throwIfInvalid(actionId, bounds);
  const shape = z.object(
    Object.fromEntries(
      Object.entries(schemas).map(([key, schema]) => [key, schema(z)]),
    ),
  );
  const result = shape.safeParse(input);
  if (result.success) return;
  // A missing field is left to the value rules, which name it in their own words (and treat a
  // form section the user skipped as absent); a field of the wrong type stops here.
  const wrongTypes = result.error.issues.filter(
    issue => !(issue.code === 'invalid_type' && issue.received === 'undefined'),
  );
  throwIfInvalid(
    actionId,
    wrongTypes.map(issue => ({
      path: formatFieldPath(issue.path),
      message: issue.message,
    })),
  );
}
