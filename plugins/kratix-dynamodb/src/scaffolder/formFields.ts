/** The wizard's field extensions for the new frontend system, loaded when the wizard opens. */
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
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

export const dynamoDBTableDesignerField = createFormField({
  name: 'DynamoDBTableDesigner',
  component: DynamoDBTableDesigner,
  validation: dynamoDBTableDesignerValidation,
});

export const kratixClusterPickerField = createFormField({
  name: 'KratixClusterPicker',
  component: KratixClusterPicker,
});

export const kubernetesNamespacePickerField = createFormField({
  name: 'KubernetesNamespacePicker',
  component: KubernetesNamespacePicker,
});

export const kratixDryRunField = createFormField({
  name: 'KratixDryRun',
  component: KratixDryRun,
  validation: kratixDryRunValidation,
});
