import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { DYNAMODB_REQUEST_GVK, KRATIX_PROMISE_GVK, KUBEVELA_APPLICATION_GVK } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import YAML from 'yaml';
import { KratixDynamodbEntityProvider } from './KratixDynamodbEntityProvider';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');
const readYaml = (file: string) => YAML.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

describe('KratixDynamodbEntityProvider against the sandbox cluster', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, kubeconfigPath: false, createTableMs: 100 });
  });
  afterAll(() => sandbox.stop());

  it('emits a Resource per request and a Component per Application with a table, linked by annotations', async () => {
    const clients = new ClusterClientFactory([
      { name: 'sandbox', url: sandbox.plainHttpUrl, auth: { type: 'serviceAccountToken', token: sandbox.token }, skipTLSVerify: false },
    ]);
    const kube = await clients.forCluster('sandbox');
    await kube.create(KRATIX_PROMISE_GVK, readYaml('examples/kratix-promise/promise.yaml'));
    // The Promise installs the DynamoDBRequest API once Kratix has made it available.
    for (let i = 0; i < 100 && !(await kube.list(DYNAMODB_REQUEST_GVK).catch(() => undefined)); i++) {
      await new Promise(r => setTimeout(r, 100));
    }
    await kube.create(DYNAMODB_REQUEST_GVK, readYaml('examples/requests/simple.yaml'));
    await kube.create(KUBEVELA_APPLICATION_GVK, readYaml('examples/kubevela/session-management-app.yaml'));
    await kube.create(KUBEVELA_APPLICATION_GVK, {
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      metadata: { name: 'no-table-app', namespace: 'default' },
      spec: { components: [{ name: 'web', type: 'webservice', properties: { image: 'nginx:1' } }] },
    });

    const applyMutation = jest.fn();
    const provider = new KratixDynamodbEntityProvider({
      clients,
      logger: mockServices.logger.mock(),
      runner: { run: async () => {} },
    });
    await provider.connect({ applyMutation, refresh: jest.fn() } as unknown as EntityProviderConnection);
    await provider.refresh();

    const entities = applyMutation.mock.calls[0][0].entities.map((e: { entity: any }) => e.entity);
    const byRef = Object.fromEntries(entities.map((e: any) => [`${e.kind}:${e.metadata.name}`, e]));
    expect(byRef['Resource:simple-table'].metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/cluster': 'sandbox',
      'kratix-dynamodb.io/request': 'default/simple-table',
    });
    // KubeVela renders the app's table component as a DynamoDBRequest named after the component.
    expect(byRef['Resource:session-table']).toBeDefined();
    expect(byRef['Component:session-management-app'].spec.dependsOn).toEqual(['resource:default/session-table']);
    expect(byRef['Component:no-table-app']).toBeUndefined();
  });
});
