import type { DynamoDBRequestValidationError } from '@kratix-dynamodb/common';
import { messagesAt } from './designErrors';

/**
 * The props that tie one input to its spec path: its errors as helper text, and the path as
 * a data attribute, so a browser test finds `keySchema[1].keyType` as the error names it.
 */
export function fieldProps(
  errors: DynamoDBRequestValidationError[],
  path: string,
) {
  const messages = messagesAt(errors, path);
  return {
    error: messages.length > 0,
    helperText: messages.length > 0 ? messages.join(' ') : undefined,
    inputProps: { 'data-path': path },
  };
}

/** Native selects: small, accessible, and driven by a plain value in tests. */
export const nativeSelect = { select: true, SelectProps: { native: true } };
