'use strict';
/*
 * Applies the Promise and N DynamoDBRequests, then waits until the sandbox's controllers have
 * turned every one into an ACTIVE ACK Table.
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const repoRoot = path.resolve(__dirname, '../../..');

function apiClient(url, token) {
  return async (method, apiPath, body) => {
    const res = await fetch(`${url}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function seedCluster({ url, token, count, timeoutMs = 600_000 }) {
  const call = apiClient(url, token);
  const promise = YAML.parse(fs.readFileSync(path.join(repoRoot, 'examples/kratix-promise/promise.yaml'), 'utf8'));
  await call('POST', '/apis/platform.kratix.io/v1alpha1/promises', promise);
  const deadline = Date.now() + timeoutMs;
  // The Promise installs the DynamoDBRequest CRD once Kratix has marked it available.
  while ((await fetch(`${url}/apis/dynamodb.kratix.io/v1alpha1`, { headers: { Authorization: `Bearer ${token}` } })).status !== 200) {
    if (Date.now() > deadline) throw new Error('the Promise never installed its CRD');
    await new Promise(r => setTimeout(r, 200));
  }
  const names = Array.from({ length: count }, (_, i) => `bench-table-${String(i).padStart(4, '0')}`);
  await inBatches(names, 25, name =>
    call('POST', '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests', {
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: { name, namespace: 'default' },
      spec: {
        name, region: 'us-east-1', billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      },
    }),
  );
  for (;;) {
    const tables = await call('GET', '/apis/dynamodb.services.k8s.aws/v1alpha1/tables');
    const active = tables.items.filter(t => t.status?.tableStatus === 'ACTIVE').length;
    if (active >= count) break;
    if (Date.now() > deadline) throw new Error(`only ${active} of ${count} tables became ACTIVE`);
    await new Promise(r => setTimeout(r, 1000));
  }
  return names;
}

module.exports = { seedCluster };
