import { NotFoundError } from '@backstage/errors';
import { KUBEVELA_APPLICATION_GVK } from '@kratix-dynamodb/common';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import type { Readiness } from './waitForReadiness';

type ServiceStatus = { name?: string; healthy?: boolean; message?: string };

/**
 * Reads whether KubeVela calls the Application running and reports every one of its
 * components healthy. A component KubeVela has not reported on yet counts as not healthy.
 */
export function readKubeVelaApplicationReadiness(
  client: KubernetesClient,
  namespace: string,
  name: string,
  componentNames: string[],
) {
  return async (): Promise<Readiness> => {
    const app = await client.get(KUBEVELA_APPLICATION_GVK, namespace, name);
    if (!app) {
      throw new NotFoundError(
        `Application ${namespace}/${name} disappeared from cluster '${client.cluster}' while waiting for it`,
      );
    }
    const phase: string | undefined = app.status?.status;
    const services: ServiceStatus[] = Array.isArray(app.status?.services)
      ? app.status.services
      : [];
    const unhealthy = componentNames.filter(
      component => services.find(s => s.name === component)?.healthy !== true,
    );
    const details = unhealthy.map(component => {
      const service = services.find(s => s.name === component);
      if (!service) return `${component}: not reported yet`;
      return `${component}: unhealthy${
        service.message ? ` (${service.message})` : ''
      }`;
    });
    return {
      milestones: [
        { label: 'Application status running', reached: phase === 'running' },
        {
          label: `all ${componentNames.length} components healthy`,
          reached: unhealthy.length === 0,
        },
      ],
      detail: [
        `application status: ${
          phase ?? 'none yet (is KubeVela running on the cluster?)'
        }`,
        ...details,
      ].join('; '),
    };
  };
}
