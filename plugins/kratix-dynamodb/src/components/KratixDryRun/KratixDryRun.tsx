import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Box,
  FormControl,
  List,
  ListItem,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { kratixClustersApiRef } from '../../api/KratixClustersApi';
import { describeDryRun, SOURCE_LABELS } from './describeDryRun';
import {
  dryRunRequestFromForm,
  type KratixDryRunUiOptions,
} from './dryRunRequestFromForm';

const NOT_CHECKED = 'Not checked yet';

type Severity = 'info' | 'success' | 'warning' | 'error';

const useStyles = makeStyles(theme => ({
  verdict: {
    padding: theme.spacing(1, 2),
    marginTop: theme.spacing(1),
    borderLeft: '4px solid',
  },
  info: { borderColor: theme.palette.info.main },
  success: { borderColor: theme.palette.success.main },
  warning: { borderColor: theme.palette.warning.main },
  error: { borderColor: theme.palette.error.main },
}));

/** A verdict box with a coloured edge; MUI v4 core has no Alert. */
function Verdict(props: { severity: Severity; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box
      role={props.severity === 'error' ? 'alert' : 'status'}
      className={`${classes.verdict} ${classes[props.severity]}`}
    >
      {props.children}
    </Box>
  );
}

/**
 * The cluster's verdict on what the wizard would create, before anything is created: a
 * server-side dry run (dryRun=All) through the backend, shown here and, as this field's value,
 * on the Review page.
 *
 * Why a field extension and not a custom ReviewStepComponent: the scaffolder takes a review
 * component only as a page prop of the legacy `ScaffolderPage`; the new frontend system's
 * scaffolder page has no input for one. A field works in both systems, and its (async)
 * validation lets the wizard refuse Next while the cluster refuses.
 * @public
 */
export function KratixDryRun(
  props: FieldExtensionComponentProps<string, KratixDryRunUiOptions>,
) {
  const { formData, onChange, schema, uiSchema, formContext } = props;
  const api = useApi(kratixClustersApiRef);
  const options = uiSchema?.['ui:options'];
  const request = useMemo(
    () => dryRunRequestFromForm(formContext?.formData ?? {}, options),
    [formContext?.formData, options],
  );
  // Asked once the form stops changing, not on every keystroke.
  const key = JSON.stringify(request ?? null);
  const [settledKey, setSettledKey] = useState(key);
  useDebounce(() => setSettledKey(key), 500, [key]);
  const {
    value: result,
    loading,
    error,
  } = useAsync(async () => {
    const settled = JSON.parse(settledKey);
    return settled ? api.dryRun(settled) : undefined;
  }, [api, settledKey]);

  // The wizard validates only fields that hold a value, so this one always does.
  const summary = result ? describeDryRun(result) : NOT_CHECKED;
  useEffect(() => {
    if (formData !== summary) onChange(summary);
  }, [formData, summary, onChange]);

  let body: JSX.Element;
  if (!request)
    body = (
      <Verdict severity="info">
        Choose a cluster and a namespace, and design the table, to check them on
        the cluster.
      </Verdict>
    );
  else if (loading || settledKey !== key) body = <Progress />;
  else if (error)
    body = (
      <Verdict severity="warning">
        The dry run could not be made: {error.message}
      </Verdict>
    );
  else if (result?.outcome === 'refused')
    body = (
      <Verdict severity="error">
        Cluster '{result.cluster}' would refuse this:
        <List dense>
          {result.problems.map((p, i) => (
            <ListItem key={i} data-problem-field={p.field ?? ''}>
              <ListItemText
                primary={p.field ? `${p.field}: ${p.message}` : p.message}
                secondary={SOURCE_LABELS[p.source]}
              />
            </ListItem>
          ))}
        </List>
      </Verdict>
    );
  else
    body = (
      <Verdict
        severity={result?.outcome === 'accepted' ? 'success' : 'warning'}
      >
        {summary}
      </Verdict>
    );

  return (
    <FormControl
      fullWidth
      margin="normal"
      data-field="KratixDryRun"
      data-outcome={result?.outcome ?? ''}
    >
      <Typography variant="subtitle1">
        {schema.title ?? 'Cluster check'}
      </Typography>
      {schema.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      {body}
    </FormControl>
  );
}
