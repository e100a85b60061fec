import { useState } from 'react';
import { StatusStage } from '@kratix-dynamodb/common';
import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { StageStateIcon } from './StageStateIcon';

const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** Stage ids in the words a developer uses. */
export const STAGE_TITLES: Record<StatusStage['id'], string> = {
  promise: 'Kratix Promise',
  request: 'Kratix request',
  workflow: 'Kratix workflow',
  table: 'ACK Table',
  application: 'KubeVela application',
  health: 'Service health',
};

const ConditionList = ({ stage }: { stage: StatusStage }) => (
  <Box pl={4} pb={1} data-testid={`conditions-${stage.id}`}>
    {stage.conditions.length === 0 && (
      <Typography variant="body2" color="textSecondary">
        No conditions reported
      </Typography>
    )}
    {stage.conditions.map(condition => (
      <Typography key={condition.type} variant="body2">
        <strong>{condition.type}</strong>={condition.status}
        {condition.reason ? ` (${condition.reason})` : ''}
        {condition.message ? `: ${condition.message}` : ''}
      </Typography>
    ))}
    {Object.entries(stage.details ?? {}).map(([key, value]) => (
      <Typography key={key} variant="body2" color="textSecondary">
        {key}: {String(value)}
      </Typography>
    ))}
  </Box>
);

/** One stage: state, summary, hint and links, expandable to its conditions. */
export const StageRow = ({
  stage,
  defaultOpen = false,
}: {
  stage: StatusStage;
  defaultOpen?: boolean;
}) => {
  const [open, setOpen] = useState(defaultOpen);
  const needsAction = stage.state !== 'ok' && stage.state !== 'skipped';
  return (
    <>
      <ListItem
        dense
        data-testid={`stage-${stage.id}`}
        data-state={stage.state}
      >
        <Box mr={1} minWidth={110}>
          <StageStateIcon state={stage.state} />
        </Box>
        <ListItemText
          // Summaries carry AWS and pipeline messages: wrap them rather than cut them off.
          primaryTypographyProps={{ style: WRAP }}
          secondaryTypographyProps={{ component: 'div', style: WRAP }}
          primary={`${STAGE_TITLES[stage.id]}: ${stage.summary}`}
          secondary={
            <>
              {needsAction && stage.hint && (
                <Typography component="span" variant="body2" display="block">
                  What to do: {stage.hint}
                </Typography>
              )}
              {stage.links.map(link => (
                <Link
                  key={link.url}
                  to={link.url}
                  target="_blank"
                  rel="noopener"
                >
                  {link.title}
                </Link>
              ))}
            </>
          }
        />
        <IconButton
          size="small"
          aria-label={`${open ? 'Hide' : 'Show'} ${
            STAGE_TITLES[stage.id]
          } conditions`}
          onClick={() => setOpen(!open)}
        >
          {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        </IconButton>
      </ListItem>
      <Collapse in={open} unmountOnExit>
        <ConditionList stage={stage} />
      </Collapse>
    </>
  );
};
