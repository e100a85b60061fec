import { StageState } from '@kratix-dynamodb/common';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

/** The core-components status light for a stage state, labelled for screen readers. */
export const StageStateIcon = ({ state }: { state: StageState }) => {
  const label = <span aria-label={`state ${state}`}>{state}</span>;
  switch (state) {
    case 'ok':
      return <StatusOK>{label}</StatusOK>;
    case 'progressing':
      return <StatusRunning>{label}</StatusRunning>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    case 'error':
      return <StatusError>{label}</StatusError>;
    case 'skipped':
      return <StatusAborted>{label}</StatusAborted>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
};
