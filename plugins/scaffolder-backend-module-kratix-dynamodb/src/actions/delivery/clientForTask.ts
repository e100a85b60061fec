import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { readKubernetesUserTokens } from '@kratix-dynamodb/common';
import type {
  ClusterClientFactory,
  KubernetesClient,
} from '@kratix-dynamodb/node';

/**
 * The client a task uses on a cluster. A cluster read as each user (`oidc`, `google`, `aks`)
 * gets the token the wizard stored as a task secret under the header's name
 * (`backstage-kubernetes-authorization-…`), so the user's own RBAC decides what is created;
 * other secrets, the Backstage token among them, never become a cluster credential. Secrets
 * are never logged nor put in outputs.
 */
export function clientForTask(
  clients: ClusterClientFactory,
  cluster: string,
  ctx: Pick<ActionContext<any, any>, 'secrets'>,
): Promise<KubernetesClient> {
  return clients.forCluster(cluster, {
    userTokens: readKubernetesUserTokens(ctx.secrets),
  });
}
