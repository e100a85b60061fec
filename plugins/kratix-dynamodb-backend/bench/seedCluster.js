'use strict';
/* Writes the Promise, N DynamoDBRequests and their ACK Tables, each with the status its controller would write. */
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

const condition = (type, reason = '', message = '') => ({ type, status: 'True', reason, message, lastTransitionTime: new Date().toISOString() });

async function seedCluster({ url, token, count }) {
  const call = apiClient(url, token);
  const promise = YAML.parse(fs.readFileSync(path.join(repoRoot, 'examples/kratix-promise/promise.yaml'), 'utf8'));
  await call('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', promise.spec.api);
  const createdPromise = await call('POST', '/apis/platform.kratix.io/v1alpha1/promises', promise);
  await call('PUT', `/apis/platform.kratix.io/v1alpha1/promises/${promise.metadata.name}/status`, {
    ...createdPromise,
    status: { status: 'Available', conditions: [condition('Available', 'PromiseAvailable', 'Ready to fulfil resource requests')] },
  });
  const names = Array.from({ length: count }, (_, i) => `bench-table-${String(i).padStart(4, '0')}`);
  await inBatches(names, 25, async name => {
    const request = await call('POST', '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests', {
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: { name, namespace: 'default' },
      spec: {
        name, region: 'us-east-1', billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      },
    });
    await call('PUT', `/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests/${name}/status`, {
      ...request,
      status: {
        message: 'Resource requested',
        kratix: { workflows: { pipelines: [{ name: 'instance-configure', phase: 'Succeeded' }] } },
        conditions: [condition('ConfigureWorkflowCompleted', 'PipelinesExecutedSuccessfully'), condition('WorksSucceeded', 'WorksSucceeded'), condition('Reconciled', 'Reconciled')],
      },
    });
    const table = await call('POST', '/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/default/tables', {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: {
        name, namespace: 'default',
        labels: { 'dynamodb.kratix.io/request-name': name, 'dynamodb.kratix.io/request-namespace': 'default' },
        annotations: { 'services.k8s.aws/region': 'us-east-1' },
      },
      spec: {
        tableName: name,
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
      },
    });
    await call('PUT', `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/default/tables/${name}/status`, {
      ...table,
      status: {
        tableStatus: 'ACTIVE',
        ackResourceMetadata: { arn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`, region: 'us-east-1', ownerAccountID: '000000000000' },
        conditions: [condition('ACK.ResourceSynced', '', 'Resource synced successfully'), condition('Ready', '', 'Resource synced successfully')],
      },
    });
  });
  return names;
}

module.exports = { seedCluster };
