import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface RunningDynalite {
  endpoint: string;
  close(): Promise<void>;
}

/** A real DynamoDB API (in memory) on an ephemeral loopback port. */
export async function startDynalite(): Promise<RunningDynalite> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** dynalite accepts any signature, but the SDK insists on having credentials. */
export function useDummyAwsCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'test-access-key-id';
  process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-access-key';
  process.env.AWS_REGION = 'us-east-1';
}
