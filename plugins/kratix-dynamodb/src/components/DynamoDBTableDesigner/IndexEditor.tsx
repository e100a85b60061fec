import { Box, Button, Paper, TextField, makeStyles } from '@material-ui/core';
import {
  DYNAMODB_LIMITS,
  PROJECTION_TYPES,
  type AttributeType,
  type DynamoDBRequestValidationError,
  type ProjectionType,
} from '@kratix-dynamodb/common';
import { CapacityFields } from './CapacityFields';
import { hasErrorsUnder } from './designErrors';
import { fieldProps, nativeSelect } from './fieldProps';
import { KeyRowsEditor } from './KeyRowsEditor';
import type { IndexRows } from './tableDesign';

const useStyles = makeStyles(theme => ({
  index: {
    padding: theme.spacing(1),
    marginBottom: theme.spacing(1),
    borderLeft: '3px solid transparent',
  },
  invalid: { borderLeftColor: theme.palette.error.main },
  line: { display: 'flex', gap: theme.spacing(1) },
}));

type Props = {
  indexes: IndexRows[];
  provisioned: boolean;
  errors: DynamoDBRequestValidationError[];
  onChange: (indexes: IndexRows[]) => void;
  onRetype: (attributeName: string, type: AttributeType) => void;
};

// Typing "a, " must keep its comma, so empty entries stay until the model reports them.
const splitList = (text: string) =>
  text.trim() === '' ? [] : text.split(',').map(part => part.trim());

/** The global secondary indexes: name, keys, projection and, when provisioned, capacity. */
export function IndexEditor({
  indexes,
  provisioned,
  errors,
  onChange,
  onRetype,
}: Props) {
  const classes = useStyles();
  const setIndex = (position: number, change: Partial<IndexRows>) =>
    onChange(
      indexes.map((index, i) =>
        i === position ? { ...index, ...change } : index,
      ),
    );
  return (
    <Box>
      {indexes.map((index, i) => {
        const path = `globalSecondaryIndexes[${i}]`;
        const invalid = hasErrorsUnder(errors, path);
        const setProjection = (
          projectionType: ProjectionType,
          nonKey?: string[],
        ) =>
          setIndex(i, {
            projection:
              projectionType === 'INCLUDE'
                ? {
                    projectionType,
                    nonKeyAttributes:
                      nonKey ?? index.projection.nonKeyAttributes ?? [],
                  }
                : { projectionType },
          });
        return (
          <Paper
            key={i}
            variant="outlined"
            className={`${classes.index} ${invalid ? classes.invalid : ''}`}
            data-row={path}
            data-invalid={invalid}
          >
            <div className={classes.line}>
              <TextField
                label="Index name"
                value={index.indexName}
                onChange={e => setIndex(i, { indexName: e.target.value })}
                {...fieldProps(errors, `${path}.indexName`)}
              />
              <TextField
                label="Projection"
                value={index.projection.projectionType}
                onChange={e => setProjection(e.target.value as ProjectionType)}
                {...nativeSelect}
                {...fieldProps(errors, `${path}.projection.projectionType`)}
              >
                {PROJECTION_TYPES.map(type => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </TextField>
              {index.projection.projectionType === 'INCLUDE' && (
                <TextField
                  label="Non-key attributes (comma-separated)"
                  value={(index.projection.nonKeyAttributes ?? []).join(', ')}
                  onChange={e =>
                    setProjection('INCLUDE', splitList(e.target.value))
                  }
                  {...fieldProps(errors, `${path}.projection.nonKeyAttributes`)}
                />
              )}
              <Button
                size="small"
                aria-label={`Remove ${path}`}
                onClick={() => onChange(indexes.filter((_, j) => j !== i))}
              >
                Remove index
              </Button>
            </div>
            <KeyRowsEditor
              path={`${path}.keySchema`}
              keys={index.keys}
              errors={errors}
              onChange={keys => setIndex(i, { keys })}
              onRetype={onRetype}
            />
            {provisioned && (
              <CapacityFields
                path={`${path}.provisionedThroughput`}
                value={index.provisionedThroughput}
                errors={errors}
                onChange={provisionedThroughput =>
                  setIndex(i, { provisionedThroughput })
                }
              />
            )}
          </Paper>
        );
      })}
      {indexes.length < DYNAMODB_LIMITS.globalSecondaryIndexesMax && (
        <Button
          size="small"
          data-add="globalSecondaryIndexes"
          onClick={() =>
            onChange([
              ...indexes,
              {
                indexName: '',
                keys: [
                  { attributeName: '', keyType: 'HASH', attributeType: 'S' },
                ],
                projection: { projectionType: 'ALL' },
              },
            ])
          }
        >
          Add index
        </Button>
      )}
    </Box>
  );
}
