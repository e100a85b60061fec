import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../yamlText';
import { LABELS } from '@kratix-dynamodb/common';
import { findRepoRoot } from '../kubeconfig';
import { apiClient, type SeedTarget } from './apiClient';
import { waitForActiveTables } from './waitForActiveTables';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export type SeedOptions = SeedTarget & {
  count: number;
  /** Name prefix of the requests (and their tables); default `bench-table-`. */
  prefix?: string;
  namespace?: string;
  timeoutMs?: number;
};

async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(fn));
}

/** Applies the example Promise (if absent) and waits until Kratix has installed its API. */
export async function applyDynamoDBPromise(
  target: SeedTarget,
  timeoutMs = 60_000,
): Promise<void> {
  const call = apiClient(target);
  const promise = parseYaml(
    fs.readFileSync(
      path.join(findRepoRoot(), 'examples/kratix-promise/promise.yaml'),
      'utf8',
    ),
  ) as { metadata: { name: string } };
  const promises = '/apis/platform.kratix.io/v1alpha1/promises';
  const existing = await fetch(
    `${target.url}${promises}/${promise.metadata.name}`,
    {
      headers: { Authorization: `Bearer ${target.token}` },
    },
  );
  if (existing.status === 404) await call('POST', promises, promise);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${target.url}/apis/dynamodb.kratix.io/v1alpha1`, {
      headers: { Authorization: `Bearer ${target.token}` },
    });
    if (res.status === 200) return;
    if (Date.now() > deadline)
      throw new Error('the Promise never installed its CRD');
    await sleep(100);
  }
}

/**
 * Fills a sandbox for benchmarks and scale tests: the Promise, then `count` DynamoDBRequests,
 * and waits until the controllers have turned every one into an ACTIVE ACK Table.
 * Returns the request names.
 */
export async function seedDynamoDBRequests(
  options: SeedOptions,
): Promise<string[]> {
  const { count, prefix = 'bench-table-', namespace = 'default' } = options;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const call = apiClient(options);
  await applyDynamoDBPromise(options, timeoutMs);
  const names = Array.from(
    { length: count },
    (_, i) => `${prefix}${String(i).padStart(5, '0')}`,
  );
  await inBatches(names, 25, name =>
    call(
      'POST',
      `/apis/dynamodb.kratix.io/v1alpha1/namespaces/${namespace}/dynamodbrequests`,
      {
        apiVersion: 'dynamodb.kratix.io/v1alpha1',
        kind: 'DynamoDBRequest',
        // The label Backstage's Kubernetes plugin finds an entity's objects by, so benchmarks
        // can compare it on the same cluster.
        metadata: { name, namespace, labels: { [LABELS.entityName]: name } },
        spec: {
          name,
          region: 'us-east-1',
          billingMode: 'PAY_PER_REQUEST',
          attributeDefinitions: [{ name: 'id', type: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        },
      },
    ),
  );
  await waitForActiveTables(options, new Set(names), Date.now() + timeoutMs);
  return names;
}
