import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { KratixDynamoDBActionDependencies } from './actionDependencies';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { createKubeVelaApplicationAction } from './createKubeVelaApplication';
import { createKratixResourceAction } from './createKratixResource';

export type { KratixDynamoDBActionDependencies } from './actionDependencies';
export {
  createDynamoDBRequestAction,
  CREATE_DYNAMODB_REQUEST_ACTION_ID,
} from './createDynamoDBRequest';
export {
  createKratixResourceAction,
  CREATE_KRATIX_RESOURCE_ACTION_ID,
} from './createKratixResource';
export { RequestKindRegistry, defaultRequestKinds } from './requestKinds';
export type { RequestKindHandler } from './requestKinds';
export {
  createKubeVelaApplicationAction,
  CREATE_KUBEVELA_APPLICATION_ACTION_ID,
} from './createKubeVelaApplication';

/** Every action this module adds, built from the module's dependencies. */
export function createKratixDynamoDBActions(
  deps: KratixDynamoDBActionDependencies,
): TemplateAction<any, any, any>[] {
  return [
    createDynamoDBRequestAction(deps),
    createKubeVelaApplicationAction(deps),
    createKratixResourceAction(deps),
  ];
}
