import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { GroupVersionKind } from '@kratix-dynamodb/common';
import type { KubernetesClient, KubernetesObject } from '@kratix-dynamodb/node';
import type { Target } from '../inputs/validateTarget';

/** The parts of the action context that delivering an object uses. */
export type DeliveryContext = Pick<
  ActionContext<any, any>,
  'logger' | 'checkpoint' | 'task' | 'isDryRun' | 'workspacePath' | 'secrets'
>;

/** One object to deliver, and how people should read its name in logs and errors. */
export type DeliveryItem = {
  target: Target;
  gvk: GroupVersionKind;
  manifest: KubernetesObject;
  /** e.g. `DynamoDBRequest team-a/orders` */
  description: string;
  /**
   * Checked on the cluster right before the object is created or dry-run (never for a workspace
   * delivery, nor when a recovered task restores the creation from its checkpoint).
   */
  precondition?: (client: KubernetesClient) => Promise<void>;
};
