import { Config } from '@backstage/config';
import { PromiseTemplateOptions } from './promiseToTemplateEntity';

/** `kratixDynamodb.catalog.templates`; owners default to the sample app's guests group. */
export function readPromiseTemplateOptions(
  config: Config,
): PromiseTemplateOptions & { enabled: boolean } {
  const templates = config.getOptionalConfig(
    'kratixDynamodb.catalog.templates',
  );
  return {
    enabled: templates?.getOptionalBoolean('enabled') ?? true,
    defaultOwner:
      templates?.getOptionalString('defaultOwner') ?? 'group:default/guests',
    exclude: templates?.getOptionalStringArray('exclude') ?? [],
  };
}
