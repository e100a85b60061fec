import { startSandbox, type Sandbox } from '@kratix-dynamodb/sandbox';
import { KubernetesClient } from '../KubernetesClient';

/** A sandbox without controllers, and a client of it that speaks with the admin token. */
export async function startSandboxWithClient(): Promise<{
  sandbox: Sandbox;
  client: KubernetesClient;
}> {
  const sandbox = await startSandbox({
    port: 0,
    dynamodbPort: 0,
    kubeconfigPath: false,
    controllers: false,
  });
  const client = new KubernetesClient({
    cluster: 'sandbox',
    connection: {
      server: sandbox.plainHttpUrl,
      headers: { Authorization: `Bearer ${sandbox.token}` },
      rejectUnauthorized: true,
    },
    backoffMs: 10,
  });
  return { sandbox, client };
}
