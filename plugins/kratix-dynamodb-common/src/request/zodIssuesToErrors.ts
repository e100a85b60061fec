/** Turns zod's issues into the plain {path, message} errors the request validation returns. */
import type { z } from 'zod';
import type { DynamoDBRequestValidationError } from './types';
import { formatFieldPath } from './fieldPath';

export function zodIssuesToErrors(
  issues: readonly z.core.$ZodIssue[],
): DynamoDBRequestValidationError[] {
  return issues.flatMap((issue): DynamoDBRequestValidationError[] => {
    if (issue.code === 'unrecognized_keys') {
      // One error per unknown field, so each one points at the line to fix.
      return issue.keys.map(key => ({
        path: formatFieldPath([...issue.path, key]),
        message: `is not a known field (${issue.message})`,
      }));
    }
    if (issue.code === 'invalid_key') {
      const reasons = issue.issues.map(inner => inner.message).join('; ');
      return [
        {
          path: formatFieldPath(issue.path),
          message: `has a key that ${reasons}`,
        },
      ];
    }
    return [{ path: formatFieldPath(issue.path), message: issue.message }];
  });
}
