import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS } from '@kratix-dynamodb/common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { StageRow } from './StageRow';
import { StageStateIcon } from './StageStateIcon';
import { useLiveStatusChain } from './useLiveStatusChain';

/** @public */
export type KratixDynamoDBCardProps = {
  /**
   * How often to poll while the tab is visible, in ms, when the app has no signals plugin to
   * push changes (default 30 s; 0 turns polling off). With signals the card does not poll.
   */
  pollIntervalMs?: number;
};

/**
 * The provisioning chain of the entity's table and app, from the Kratix Promise to the
 * live service, each stage saying what is wrong and what to do.
 * @public
 */
export const KratixDynamoDBCard = ({
  pollIntervalMs = 30_000,
}: KratixDynamoDBCardProps) => {
  const { entity } = useEntity();
  const { value, error, loading, refresh } = useLiveStatusChain(
    getCompoundEntityRef(entity),
    {
      fallbackPollMs: pollIntervalMs,
      cluster: entity.metadata.annotations?.[ANNOTATIONS.cluster],
    },
  );

  const refreshButton = (
    <IconButton aria-label="Refresh status" onClick={refresh} size="small">
      <RefreshIcon />
    </IconButton>
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error && !value) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.stages.length === 0) {
    body = (
      <EmptyState
        missing="info"
        title="Nothing to show yet"
        description="This entity is not linked to a DynamoDB request or a KubeVela application."
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <Box
            display="flex"
            alignItems="center"
            data-testid="overall"
            data-state={value.overall}
          >
            <Typography variant="subtitle2" component="span">
              Overall:&nbsp;
            </Typography>
            <StageStateIcon state={value.overall} />
          </Box>
          <Typography variant="caption" color="textSecondary">
            {value.cluster ? `cluster ${value.cluster} · ` : ''}last checked{' '}
            {new Date(value.checkedAt).toLocaleTimeString()}
          </Typography>
        </Box>
        {error && (
          <ResponseErrorPanel error={error} title="The last refresh failed" />
        )}
        <List dense>
          {value.stages.map(stage => (
            <StageRow key={stage.id} stage={stage} />
          ))}
        </List>
      </>
    );
  }

  return (
    <InfoCard title="DynamoDB provisioning" action={refreshButton}>
      {body}
    </InfoCard>
  );
};
