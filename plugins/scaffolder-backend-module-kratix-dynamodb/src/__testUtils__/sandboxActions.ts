/** The embedded sandbox with the DynamoDB Promise installed, and action dependencies that point at it. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader, type JsonObject } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
} from '@kratix-dynamodb/common';
import { ClusterClientFactory, KubernetesClient } from '@kratix-dynamodb/node';
import { startSandbox, type Sandbox } from '@kratix-dynamodb/sandbox';
import { parse } from 'yaml';
import type { KratixDynamoDBActionDependencies } from '../actions';

const REPO = path.resolve(__dirname, '../../../..');

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

export type SandboxActions = {
  sandbox: Sandbox;
  /** The cluster as its admin sees it, for arranging objects and checking what was created. */
  client: KubernetesClient;
  /** Action dependencies with `kratixDynamodb.scaffolder` set to `scaffolder`. */
  deps: (scaffolder?: JsonObject) => KratixDynamoDBActionDependencies;
};

/**
 * The clients the actions get: one KubernetesClient that speaks to the sandbox with its admin
 * token (the cluster-config and auth-strategy code is tested on its own, not here).
 */
function sandboxClients(sandbox: Sandbox): ClusterClientFactory {
  const client = new KubernetesClient({
    cluster: 'sandbox',
    connection: {
      server: sandbox.plainHttpUrl,
      headers: { Authorization: `Bearer ${sandbox.token}` },
      rejectUnauthorized: true,
    },
    backoffMs: 10,
  });
  return {
    clusterNames: () => ['sandbox'],
    forCluster: async (name: string) => {
      if (name !== 'sandbox') throw new Error(`unknown cluster ${name}`);
      return client;
    },
  } as unknown as ClusterClientFactory;
}

/**
 * With `users`, the sandbox enforces RBAC for them (each maps to its groups); the admin token
 * the helper uses stays all-powerful. With `shortTokenLifetimes`, minted tokens may live
 * seconds (for rotation tests).
 */
export async function startSandboxForActions(
  options: {
    users?: Record<string, { groups: string[] }>;
    shortTokenLifetimes?: boolean;
  } = {},
): Promise<SandboxActions> {
  const sandbox = await startSandbox({
    port: 0,
    dynamodbPort: 0,
    createTableMs: 100,
    kubeconfigPath: false,
    shortTokenLifetimes: options.shortTokenLifetimes,
    ...(options.users ? { rbac: true, users: options.users } : {}),
  });
  const clients = sandboxClients(sandbox);
  const deps = (
    scaffolder: JsonObject = { allowedImages: ['session-api:'] },
  ) => ({
    clients,
    config: new ConfigReader({
      kratixDynamodb: {
        defaults: { region: 'us-east-1', namespace: 'default' },
        scaffolder,
      },
    }),
    permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    pollIntervalMs: 200,
  });
  const client = await clients.forCluster('sandbox');
  const promise = parse(
    fs.readFileSync(
      path.join(REPO, 'examples/kratix-promise/promise.yaml'),
      'utf8',
    ),
  );
  await client.create(KRATIX_PROMISE_GVK, promise);
  await waitUntil('the DynamoDBRequest API', () =>
    client.resolve(DYNAMODB_REQUEST_GVK),
  );
  // The key the session-api template's app reads, as the team creates it before using the wizard.
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'session-api-auth', namespace: 'default' },
    data: {
      'jwt-secret': Buffer.from(randomBytes(32).toString('hex')).toString(
        'base64',
      ),
    },
  };
  await client.create({ group: '', version: 'v1', kind: 'Secret' }, secret);
  return { sandbox, client, deps };
}
