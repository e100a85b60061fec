/** The wizard's field extensions for apps on the legacy frontend system. */
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { kratixDynamoDBPlugin } from '../plugin';
import {
  DynamoDBTableDesigner,
  dynamoDBTableDesignerValidation,
} from '../components/DynamoDBTableDesigner';
import {
  KratixDryRun,
  kratixDryRunValidation,
} from '../components/KratixDryRun';
import {
  KratixClusterPicker,
  KubernetesNamespacePicker,
} from '../components/pickers';

/**
 * Put inside `<ScaffolderFieldExtensions>` of the scaffolder route.
 * @public
 */
export const DynamoDBTableDesignerFieldExtension = kratixDynamoDBPlugin.provide(
  createScaffolderFieldExtension({
    name: 'DynamoDBTableDesigner',
    component: DynamoDBTableDesigner,
    validation: dynamoDBTableDesignerValidation,
  }),
);

/** @public The clusters the user may create on (legacy frontend system). */
export const KratixClusterPickerFieldExtension = kratixDynamoDBPlugin.provide(
  createScaffolderFieldExtension({
    name: 'KratixClusterPicker',
    component: KratixClusterPicker,
  }),
);

/** @public The namespaces on the chosen cluster (legacy frontend system). */
export const KubernetesNamespacePickerFieldExtension =
  kratixDynamoDBPlugin.provide(
    createScaffolderFieldExtension({
      name: 'KubernetesNamespacePicker',
      component: KubernetesNamespacePicker,
    }),
  );

/** @public The cluster's verdict before creating, a server-side dry run (legacy frontend system). */
export const KratixDryRunFieldExtension = kratixDynamoDBPlugin.provide(
  createScaffolderFieldExtension({
    name: 'KratixDryRun',
    component: KratixDryRun,
    validation: kratixDryRunValidation,
  }),
);
