/** The wizard's field extensions for apps on the legacy frontend system. */
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { kratixDynamodbPlugin } from '../plugin';
import {
  DynamoDBTableDesigner,
  dynamoDBTableDesignerValidation,
} from '../components/DynamoDBTableDesigner';

/**
 * Put inside `<ScaffolderFieldExtensions>` of the scaffolder route.
 * @public
 */
export const DynamoDBTableDesignerFieldExtension = kratixDynamodbPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DynamoDBTableDesigner',
    component: DynamoDBTableDesigner,
    validation: dynamoDBTableDesignerValidation,
  }),
);
