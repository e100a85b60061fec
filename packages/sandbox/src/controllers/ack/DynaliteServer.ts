import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DynaliteServer = { endpoint: string; close(): Promise<void> };

/**
 * A real DynamoDB API (dynalite) on 127.0.0.1, shared by the ACK controller and the workloads
 * the sandbox runs. With a folder it keeps tables in LevelDB there, otherwise in memory.
 */
export async function startDynalite(options: {
  port?: number;
  createTableMs?: number;
  dataDir?: string;
}): Promise<DynaliteServer> {
  // dynalite ships no type definitions.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite') as (
    o: Record<string, unknown>,
  ) => Server;
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const server = dynalite({
    createTableMs: options.createTableMs ?? 500,
    deleteTableMs: 100,
    updateTableMs: 100,
    ...(options.dataDir ? { path: options.dataDir } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        (
          server as Server & { closeAllConnections?: () => void }
        ).closeAllConnections?.();
      }),
  };
}
