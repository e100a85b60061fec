import { InputError } from '@backstage/errors';

/** One invalid input, by its path in the action's input, e.g. `keySchema[1].keyType`. */
export type FieldError = { path: string; message: string };

/** Puts a section's errors under its place in the input, e.g. `table.` or `services[0].`. */
export function underPath(prefix: string, errors: FieldError[]): FieldError[] {
  const join = (path: string) => {
    if (!path) return prefix;
    return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
  };
  return errors.map(error => ({
    path: join(error.path),
    message: error.message,
  }));
}

/**
 * Fails with every problem at once, one `path: message` line each, so the wizard user
 * fixes them in one pass rather than one per run.
 */
export function throwIfInvalid(actionId: string, errors: FieldError[]): void {
  if (errors.length === 0) return;
  const lines = errors.map(e =>
    e.path ? `${e.path}: ${e.message}` : e.message,
  );
  throw new InputError(
    `${actionId} was given ${errors.length} invalid input${
      errors.length === 1 ? '' : 's'
    }; nothing was created:\n${lines.join('\n')}`,
  );
}
