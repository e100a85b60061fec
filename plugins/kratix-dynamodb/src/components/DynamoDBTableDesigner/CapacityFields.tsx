import { Box, TextField } from '@material-ui/core';
import type {
  DynamoDBRequestValidationError,
  ProvisionedThroughput,
} from '@kratix-dynamodb/common';
import { fieldProps } from './fieldProps';
import { DEFAULT_CAPACITY } from './tableDesign';

type Props = {
  path: string;
  value: ProvisionedThroughput | undefined;
  errors: DynamoDBRequestValidationError[];
  onChange: (value: ProvisionedThroughput) => void;
};

/** Read and write capacity units, shown only with PROVISIONED billing. */
export function CapacityFields({
  path,
  value = DEFAULT_CAPACITY,
  errors,
  onChange,
}: Props) {
  // An emptied box is sent as NaN, which the model reports as not a whole number.
  const units = (text: string) => (text === '' ? NaN : Number(text));
  return (
    <Box display="flex" style={{ gap: 8 }}>
      <TextField
        type="number"
        label="Read capacity units"
        value={
          Number.isNaN(value.readCapacityUnits) ? '' : value.readCapacityUnits
        }
        onChange={e =>
          onChange({ ...value, readCapacityUnits: units(e.target.value) })
        }
        {...fieldProps(errors, `${path}.readCapacityUnits`)}
      />
      <TextField
        type="number"
        label="Write capacity units"
        value={
          Number.isNaN(value.writeCapacityUnits) ? '' : value.writeCapacityUnits
        }
        onChange={e =>
          onChange({ ...value, writeCapacityUnits: units(e.target.value) })
        }
        {...fieldProps(errors, `${path}.writeCapacityUnits`)}
      />
    </Box>
  );
}
