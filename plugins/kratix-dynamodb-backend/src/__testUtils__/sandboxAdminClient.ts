import { KubernetesClient } from '@kratix-dynamodb/node';
import type { Sandbox } from '@kratix-dynamodb/sandbox';

/** A client of the sandbox with its admin token, for a test to stage what a cluster holds. */
export function sandboxAdminClient(sandbox: Sandbox): KubernetesClient {
  return new KubernetesClient({
    cluster: 'sandbox',
    connection: {
      server: sandbox.plainHttpUrl,
      headers: { Authorization: `Bearer ${sandbox.token}` },
      rejectUnauthorized: true,
    },
  });
}
