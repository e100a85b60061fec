import { Box, FormControlLabel, Switch, TextField } from '@material-ui/core';
import type {
  DynamoDBRequestValidationError,
  TimeToLive,
} from '@kratix-dynamodb/common';
import { fieldProps } from './fieldProps';

type Props = {
  value: TimeToLive | undefined;
  errors: DynamoDBRequestValidationError[];
  onChange: (value: TimeToLive) => void;
};

/** The expiry attribute and its switch; the attribute needs no definition unless it is a key. */
export function TimeToLiveEditor({ value, errors, onChange }: Props) {
  const ttl = value ?? { attributeName: '', enabled: false };
  return (
    <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
      <FormControlLabel
        control={
          <Switch
            checked={ttl.enabled}
            onChange={e => onChange({ ...ttl, enabled: e.target.checked })}
            inputProps={{ 'aria-label': 'Time to live' }}
          />
        }
        label="Delete items when they expire"
      />
      <TextField
        label="Expiry attribute (Number, epoch seconds)"
        value={ttl.attributeName}
        onChange={e => onChange({ ...ttl, attributeName: e.target.value })}
        {...fieldProps(errors, 'timeToLive.attributeName')}
      />
    </Box>
  );
}
