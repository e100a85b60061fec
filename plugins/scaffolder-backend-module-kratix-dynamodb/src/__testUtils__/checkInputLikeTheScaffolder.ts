import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { validate } from 'jsonschema';

/**
 * Checks a step's input against the action's JSON Schema the way the scaffolder's workflow
 * runner does before it calls the handler, so examples and templates that only pass the
 * handler, not the runner, are caught too.
 */
export function schemaErrorsFor(
  action: TemplateAction<any, any, any>,
  input: unknown,
): string[] {
  const result = validate(input, action.schema?.input ?? {});
  return result.errors.map(error => error.stack);
}
