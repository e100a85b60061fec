export { KratixClusterPicker } from './KratixClusterPicker';
export { KubernetesNamespacePicker } from './KubernetesNamespacePicker';
export type { KubernetesNamespacePickerUiOptions } from './KubernetesNamespacePicker';
