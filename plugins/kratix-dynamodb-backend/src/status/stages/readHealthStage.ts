import { StatusStage } from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { ChainReads } from '../ChainReads';
import { skippedStage } from '../conditions';
import { HealthProber } from '../HealthProber';
import { healthStage } from './healthStage';

/** The Service KubeVela makes for a webservice component: its name, on its first port. */
function webServiceOf(
  app: KubernetesObject,
): { name: string; port: number } | undefined {
  const component = (app.spec?.components ?? []).find(
    (c: any) => c.type === 'webservice',
  );
  if (!component) return undefined;
  const port =
    component.properties?.ports?.[0]?.port ?? component.properties?.port ?? 80;
  return { name: component.name, port: Number(port) };
}

/** The health stage: the configured paths probed through the service proxy, never a URL from an annotation. */
export async function readHealthStage(
  reads: ChainReads,
  prober: Pick<HealthProber, 'probe'>,
  app: KubernetesObject | undefined,
): Promise<StatusStage> {
  const service = app ? webServiceOf(app) : undefined;
  if (!app || !service)
    return skippedStage(
      'health',
      'The application has no webservice component to probe',
    );
  const { livenessPath, readinessPath } = reads.options;
  const target = {
    cluster: reads.cluster,
    namespace: app.metadata.namespace ?? 'default',
    application: app.metadata.name,
    service: service.name,
    port: service.port,
  };
  const [liveness, readiness] = await Promise.all([
    prober.probe({ ...target, path: livenessPath }),
    prober.probe({ ...target, path: readinessPath }),
  ]);
  return healthStage(
    service.name,
    { liveness: livenessPath, readiness: readinessPath },
    liveness,
    readiness,
  );
}
