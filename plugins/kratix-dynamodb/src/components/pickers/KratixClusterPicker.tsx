import { useEffect } from 'react';
import { TextField } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { kratixClustersApiRef } from '../../api/KratixClustersApi';
import { useUserTokenSecret } from './useUserTokenSecret';

/**
 * The clusters this user may create on, as the backend decides with the create permission;
 * a template no longer lists them by hand. On a cluster that acts as each user, the user's own
 * token goes with the task as a secret, so the actions create as them.
 * @public
 */
export function KratixClusterPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, schema, required, rawErrors = [] } = props;
  const api = useApi(kratixClustersApiRef);
  const {
    value: clusters,
    loading,
    error,
  } = useAsync(() => api.listClusters(), [api]);

  // One cluster is no choice: take it, so the user need not.
  useEffect(() => {
    if (!formData && clusters?.length === 1) onChange(clusters[0]);
  }, [formData, clusters, onChange]);

  const tokenError = useUserTokenSecret(formData || undefined);

  const problem =
    error?.message ??
    tokenError?.message ??
    (clusters?.length === 0
      ? 'You may not create on any cluster (kratix.dynamodb.request.create)'
      : undefined);
  return (
    <TextField
      fullWidth
      margin="normal"
      label={schema.title ?? 'Cluster'}
      required={required}
      value={formData ?? ''}
      disabled={loading}
      onChange={e => onChange(e.target.value)}
      error={rawErrors.length > 0 || !!problem}
      helperText={problem ?? rawErrors[0] ?? schema.description}
      select
      SelectProps={{ native: true }}
      inputProps={{ 'data-field': 'KratixClusterPicker' }}
    >
      <option value="" disabled>
        {loading ? 'Loading clusters…' : 'Choose a cluster'}
      </option>
      {(clusters ?? []).map(name => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </TextField>
  );
}
