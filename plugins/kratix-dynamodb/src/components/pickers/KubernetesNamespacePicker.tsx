import { TextField } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { kratixClustersApiRef } from '../../api/KratixClustersApi';

/** @public `ui:options` of the KubernetesNamespacePicker field. */
export type KubernetesNamespacePickerUiOptions = {
  /** The form field holding the cluster's name (default `cluster`). */
  clusterField?: string;
};

/**
 * The namespaces on the chosen cluster. When the backend may not list them (its identity lacks
 * `list namespaces`), the namespace is asked for as text, as it was before.
 * @public
 */
export function KubernetesNamespacePicker(
  props: FieldExtensionComponentProps<
    string,
    KubernetesNamespacePickerUiOptions
  >,
) {
  const {
    formData,
    onChange,
    schema,
    required,
    rawErrors = [],
    uiSchema,
    formContext,
  } = props;
  const api = useApi(kratixClustersApiRef);
  const clusterField = uiSchema?.['ui:options']?.clusterField ?? 'cluster';
  const cluster: unknown = formContext?.formData?.[clusterField];
  const {
    value: namespaces,
    loading,
    error,
  } = useAsync(
    async () =>
      typeof cluster === 'string' && cluster
        ? api.listNamespaces(cluster)
        : undefined,
    [api, cluster],
  );

  const common = {
    fullWidth: true,
    margin: 'normal' as const,
    label: schema.title ?? 'Namespace',
    required,
    value: formData ?? '',
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    error: rawErrors.length > 0,
    inputProps: { 'data-field': 'KubernetesNamespacePicker' },
  };
  if (!namespaces) {
    const why = error
      ? `Namespaces could not be listed (${error.message}); type one.`
      : schema.description;
    return (
      <TextField
        {...common}
        disabled={loading}
        helperText={rawErrors[0] ?? why}
      />
    );
  }
  // A value from the template's default or the URL stays choosable even if not listed.
  const choices =
    formData && !namespaces.includes(formData)
      ? [formData, ...namespaces]
      : namespaces;
  return (
    <TextField
      {...common}
      helperText={rawErrors[0] ?? schema.description}
      select
      SelectProps={{ native: true }}
    >
      <option value="" disabled>
        Choose a namespace
      </option>
      {choices.map(name => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </TextField>
  );
}
