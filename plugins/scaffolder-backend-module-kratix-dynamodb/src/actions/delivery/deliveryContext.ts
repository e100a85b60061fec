import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { GroupVersionKind } from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';
import type { Target } from '../inputs/validateTarget';

/** The parts of the action context that delivering an object uses. */
export type DeliveryContext = Pick<
  ActionContext<any, any>,
  'logger' | 'checkpoint' | 'task' | 'isDryRun' | 'workspacePath'
>;

/** One object to deliver, and how people should read its name in logs and errors. */
export type DeliveryItem = {
  target: Target;
  gvk: GroupVersionKind;
  manifest: KubernetesObject;
  /** e.g. `DynamoDBRequest team-a/orders` */
  description: string;
};
