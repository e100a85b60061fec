import { useEffect, useMemo } from 'react';
import {
  Box,
  FormControl,
  Grid,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { BILLING_MODES, type BillingMode } from '@kratix-dynamodb/common';
import { CapacityFields } from './CapacityFields';
import { DesignPreview } from './DesignPreview';
import { locateDesignErrors, validateTableDesign } from './designErrors';
import { fieldProps, nativeSelect } from './fieldProps';
import { IndexEditor } from './IndexEditor';
import { KeyRowsEditor } from './KeyRowsEditor';
import { TimeToLiveEditor } from './TimeToLiveEditor';
import {
  DEFAULT_TABLE_DESIGN,
  fromRows,
  toRows,
  withAttributeType,
  type DesignRows,
  type TableDesign,
} from './tableDesign';

/** @public `ui:options` of the DynamoDBTableDesigner field. */
export type DynamoDBTableDesignerUiOptions = {
  /** Appended to the form's `name` for the request's name in the preview (e.g. `-table`). */
  requestNameSuffix?: string;
};

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
}));

const BILLING_LABELS: Record<BillingMode, string> = {
  PAY_PER_REQUEST: 'On demand (pay per request)',
  PROVISIONED: 'Provisioned capacity',
};

/**
 * One editor for a table's shape: keys, indexes, time to live, billing and capacity, checked
 * live by the request model and previewed as the YAML the wizard will apply.
 * @public
 */
export function DynamoDBTableDesigner(
  props: FieldExtensionComponentProps<
    TableDesign,
    DynamoDBTableDesignerUiOptions
  >,
) {
  const { formData, onChange, schema, uiSchema, formContext } = props;
  const classes = useStyles();
  // The form hands an object field without `properties` over as `{}`, dropping the
  // template's default, so the design starts from that default here.
  const started = Array.isArray(formData?.keySchema);
  const initial =
    (schema.default as TableDesign | undefined) ?? DEFAULT_TABLE_DESIGN;
  const design = started ? formData! : initial;
  // The wizard only runs a field's validation for values present in the form, so the
  // starting design is written into the form rather than merely shown.
  useEffect(() => {
    if (!started) onChange(initial);
  }, [started, initial, onChange]);
  const errors = useMemo(
    () => locateDesignErrors(validateTableDesign(design), design),
    [design],
  );
  const rows = toRows(design);
  const update = (change: Partial<DesignRows>) =>
    onChange(fromRows({ ...rows, ...change }));
  const retype = (
    name: string,
    type: DesignRows['keys'][number]['attributeType'],
  ) => onChange(fromRows(withAttributeType(rows, name, type)));
  const provisioned = rows.billingMode === 'PROVISIONED';

  return (
    <FormControl fullWidth margin="normal" data-field="DynamoDBTableDesigner">
      <Typography variant="h6">{schema.title ?? 'Table design'}</Typography>
      {schema.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={7}>
          <Box className={classes.section}>
            <Typography variant="subtitle1">Primary key</Typography>
            <KeyRowsEditor
              path="keySchema"
              keys={rows.keys}
              errors={errors}
              onChange={keys => update({ keys })}
              onRetype={retype}
            />
          </Box>
          <Box className={classes.section}>
            <TextField
              label="Billing mode"
              value={rows.billingMode}
              onChange={e =>
                update({ billingMode: e.target.value as BillingMode })
              }
              {...nativeSelect}
              {...fieldProps(errors, 'billingMode')}
            >
              {BILLING_MODES.map(mode => (
                <option key={mode} value={mode}>
                  {BILLING_LABELS[mode]}
                </option>
              ))}
            </TextField>
            {provisioned && (
              <CapacityFields
                path="provisionedThroughput"
                value={rows.provisionedThroughput}
                errors={errors}
                onChange={provisionedThroughput =>
                  update({ provisionedThroughput })
                }
              />
            )}
          </Box>
          <Box className={classes.section}>
            <Typography variant="subtitle1">
              Global secondary indexes
            </Typography>
            <IndexEditor
              indexes={rows.indexes}
              provisioned={provisioned}
              errors={errors}
              onChange={indexes => update({ indexes })}
              onRetype={retype}
            />
          </Box>
          <Box className={classes.section}>
            <Typography variant="subtitle1">Time to live</Typography>
            <TimeToLiveEditor
              value={rows.timeToLive}
              errors={errors}
              onChange={timeToLive => update({ timeToLive })}
            />
          </Box>
        </Grid>
        <Grid item xs={12} md={5}>
          <DesignPreview
            design={design}
            form={formContext?.formData ?? {}}
            requestNameSuffix={uiSchema?.['ui:options']?.requestNameSuffix}
          />
        </Grid>
      </Grid>
    </FormControl>
  );
}
