import { LABELS } from '@kratix-dynamodb/common';
import type { FakeKubernetesApi } from './FakeKubernetesApi';

/**
 * Makes the stand-in API server answer like a healthy platform: Kratix reconciles each
 * request and its ACK Table becomes ACTIVE, and KubeVela reports each Application running
 * with every component healthy. For tests that replay examples with waitForReady.
 */
export function playHealthyControllers(api: FakeKubernetesApi) {
  api.onCreate = (plural, object) => {
    const { name, namespace = 'default' } = object.metadata;
    if (plural === 'dynamodbrequests') {
      object.status = { conditions: [{ type: 'Reconciled', status: 'True' }] };
      api.put('tables', {
        metadata: {
          name: object.spec.name,
          namespace,
          labels: {
            [LABELS.requestName]: name,
            [LABELS.requestNamespace]: namespace,
          },
        },
        status: { tableStatus: 'ACTIVE' },
      });
    }
    if (plural === 'applications') {
      const components: { name: string }[] = object.spec.components;
      object.status = {
        status: 'running',
        services: components.map(c => ({
          name: c.name,
          healthy: true,
          message: 'Ready:1/1',
        })),
      };
    }
  };
}
