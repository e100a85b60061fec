import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { KratixDynamodbActionDependencies } from './actionDependencies';
import { createDynamoDBRequestAction } from './createDynamoDBRequest';
import { createKubeVelaApplicationAction } from './createKubeVelaApplication';

export type { KratixDynamodbActionDependencies } from './actionDependencies';
export {
  createDynamoDBRequestAction,
  CREATE_DYNAMODB_REQUEST_ACTION_ID,
} from './createDynamoDBRequest';
export {
  createKubeVelaApplicationAction,
  CREATE_KUBEVELA_APPLICATION_ACTION_ID,
} from './createKubeVelaApplication';

/** Every action this module adds, built from the module's dependencies. */
export function createKratixDynamodbActions(
  deps: KratixDynamodbActionDependencies,
): TemplateAction<any, any, any>[] {
  return [
    createDynamoDBRequestAction(deps),
    createKubeVelaApplicationAction(deps),
  ];
}
