import {
  Box,
  Button,
  IconButton,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  ATTRIBUTE_TYPES,
  DYNAMODB_LIMITS,
  KEY_TYPES,
  type AttributeType,
  type DynamoDBRequestValidationError,
} from '@kratix-dynamodb/common';
import { hasErrorsUnder } from './designErrors';
import { fieldProps, nativeSelect } from './fieldProps';
import type { KeyRow } from './tableDesign';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'flex-start',
    padding: theme.spacing(0.5, 1),
    borderLeft: '3px solid transparent',
  },
  invalid: { borderLeftColor: theme.palette.error.main },
  name: { flex: 2 },
  select: { flex: 1 },
}));

const TYPE_LABELS: Record<AttributeType, string> = {
  S: 'String (S)',
  N: 'Number (N)',
  B: 'Binary (B)',
};
const KEY_LABELS = { HASH: 'HASH (partition)', RANGE: 'RANGE (sort)' };

type Props = {
  /** The spec path of this key schema, e.g. `keySchema` or `globalSecondaryIndexes[0].keySchema`. */
  path: string;
  keys: KeyRow[];
  errors: DynamoDBRequestValidationError[];
  onChange: (keys: KeyRow[]) => void;
  /** A type belongs to the attribute, not the row: every row naming it changes. */
  onRetype: (attributeName: string, type: AttributeType) => void;
};

/** A key schema: a partition key and an optional sort key, each with its attribute's type. */
export function KeyRowsEditor({
  path,
  keys,
  errors,
  onChange,
  onRetype,
}: Props) {
  const classes = useStyles();
  const setRow = (position: number, change: Partial<KeyRow>) =>
    onChange(
      keys.map((key, i) => (i === position ? { ...key, ...change } : key)),
    );
  return (
    <Box>
      {keys.map((key, i) => {
        const rowPath = `${path}[${i}]`;
        const invalid = hasErrorsUnder(errors, rowPath);
        return (
          <div
            key={i}
            className={`${classes.row} ${invalid ? classes.invalid : ''}`}
            data-row={rowPath}
            data-invalid={invalid}
          >
            <TextField
              className={classes.name}
              label="Attribute name"
              value={key.attributeName}
              onChange={e => setRow(i, { attributeName: e.target.value })}
              {...fieldProps(errors, `${rowPath}.attributeName`)}
            />
            <TextField
              className={classes.select}
              label="Type"
              value={key.attributeType}
              onChange={e =>
                onRetype(key.attributeName, e.target.value as AttributeType)
              }
              {...nativeSelect}
              {...fieldProps(errors, `${rowPath}.attributeType`)}
            >
              {ATTRIBUTE_TYPES.map(type => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </TextField>
            <TextField
              className={classes.select}
              label="Key"
              value={key.keyType}
              onChange={e =>
                setRow(i, { keyType: e.target.value as KeyRow['keyType'] })
              }
              {...nativeSelect}
              {...fieldProps(errors, `${rowPath}.keyType`)}
            >
              {KEY_TYPES.map(type => (
                <option key={type} value={type}>
                  {KEY_LABELS[type]}
                </option>
              ))}
            </TextField>
            <IconButton
              aria-label={`Remove ${rowPath}`}
              disabled={keys.length <= 1}
              onClick={() => onChange(keys.filter((_, j) => j !== i))}
            >
              <DeleteIcon />
            </IconButton>
          </div>
        );
      })}
      {keys.length < DYNAMODB_LIMITS.keySchemaMaxLength && (
        <Button
          size="small"
          data-add={`${path}`}
          onClick={() =>
            onChange([
              ...keys,
              { attributeName: '', keyType: 'RANGE', attributeType: 'S' },
            ])
          }
        >
          Add sort key
        </Button>
      )}
      {errors
        .filter(e => e.path === path)
        .map(e => (
          <Typography
            key={e.message}
            color="error"
            variant="caption"
            component="p"
          >
            {e.message}
          </Typography>
        ))}
    </Box>
  );
}
