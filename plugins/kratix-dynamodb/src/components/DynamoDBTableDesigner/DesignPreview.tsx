import { Box, Typography, makeStyles } from '@material-ui/core';
import { previewManifests, type PreviewSource } from './previewManifests';
import type { TableDesign } from './tableDesign';

const useStyles = makeStyles(theme => ({
  yaml: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre',
    overflowX: 'auto',
    padding: theme.spacing(1),
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    margin: 0,
  },
}));

type Props = {
  design: TableDesign;
  form: PreviewSource;
  requestNameSuffix?: string;
};

/** The live preview beside the editor: the request, and the ACK Table it becomes. */
export function DesignPreview({ design, form, requestNameSuffix }: Props) {
  const classes = useStyles();
  const { request, table } = previewManifests(design, form, requestNameSuffix);
  return (
    <Box data-testid="dynamodb-design-preview">
      <Typography variant="subtitle2">DynamoDBRequest</Typography>
      <pre className={classes.yaml} aria-label="DynamoDBRequest YAML">
        {request}
      </pre>
      <Typography variant="subtitle2">
        ACK Table (what the Promise's workflow writes)
      </Typography>
      {table ? (
        <pre className={classes.yaml} aria-label="ACK Table YAML">
          {table}
        </pre>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Fix the marked fields to see the Table.
        </Typography>
      )}
    </Box>
  );
}
