import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS } from '@kratix-dynamodb/common';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import { stringify } from 'yaml';
import { StageRow } from '../KratixDynamoDBCard/StageRow';
import { useLiveStatusChain } from '../KratixDynamoDBCard/useLiveStatusChain';
import { useStateHistory } from './useStateHistory';

/**
 * The entity's detail tab: every stage with its conditions open, the state changes seen while
 * the page is open, and the YAML of the cluster objects behind the chain.
 * @public
 */
export const KratixDynamoDBContent = ({
  pollIntervalMs = 30_000,
}: {
  pollIntervalMs?: number;
}) => {
  const { entity } = useEntity();
  const { value, error, loading } = useLiveStatusChain(
    getCompoundEntityRef(entity),
    {
      fallbackPollMs: pollIntervalMs,
      cluster: entity.metadata.annotations?.[ANNOTATIONS.cluster],
      includeObjects: true,
    },
  );
  const history = useStateHistory(value);

  if (loading && !value) return <Progress />;
  if (error && !value) return <ResponseErrorPanel error={error} />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard title="Conditions">
          <List dense>
            {value?.stages.map(stage => (
              <StageRow key={stage.id} stage={stage} defaultOpen />
            ))}
          </List>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="State changes seen on this page">
          {history.length === 0 && (
            <Typography variant="body2">None yet</Typography>
          )}
          {history.map(change => (
            <Typography
              key={`${change.at}-${change.stage}`}
              variant="body2"
              data-testid="state-change"
            >
              {new Date(change.at).toLocaleTimeString()} {change.stage}:{' '}
              {change.from ?? 'first seen'} → {change.to} ({change.summary})
            </Typography>
          ))}
        </InfoCard>
      </Grid>
      {value?.objects?.map(object => (
        <Grid
          item
          xs={12}
          key={`${object.kind}/${object.namespace}/${object.name}`}
        >
          <InfoCard
            title={`${object.kind} ${
              object.namespace ? `${object.namespace}/` : ''
            }${object.name}`}
          >
            <CodeSnippet language="yaml" text={stringify(object.manifest)} />
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
};
