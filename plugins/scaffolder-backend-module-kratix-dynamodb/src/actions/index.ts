import { TemplateAction } from '@backstage/plugin-scaffolder-node';

/** Every action this module adds, built from the module's dependencies. */
export function createKratixDynamodbActions(): TemplateAction<any, any, any>[] {
  return [];
}
