import { StatusStage } from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { ChainReads, KindRead, splitRef, unreadableStage } from '../ChainReads';
import { applicationStage } from './applicationStage';

/** The KubeVela Application at `appRef`, noted for the detail tab. */
export function findApplication(
  reads: ChainReads,
  appRef: string | undefined,
): KubernetesObject | undefined {
  if (!appRef || !reads.applications) return undefined;
  const { namespace, name } = splitRef(appRef);
  return reads.note(reads.applications.get(namespace, name));
}

/** The application stage from the Application found at `appRef`. */
export function readApplicationStage(
  applications: KindRead,
  appRef: string,
  app: KubernetesObject | undefined,
): StatusStage {
  return (
    unreadableStage('application', applications, 'Install KubeVela') ??
    applicationStage(app, appRef)
  );
}
