/*
 * POST /validate end to end: a real backend asks a real cluster (the sandbox) for a
 * server-side dry run. The cluster's admission speaks for itself: its refusals come back at
 * the field it names, and nothing is ever stored.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DYNAMODB_REQUEST_GVK,
  type DryRunResult,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import { Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { readRepoYaml } from '../__testUtils__/sandboxEntities';

jest.setTimeout(120_000);

const CRD = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
};

const SPEC = {
  name: 'orders',
  region: 'us-east-1',
  billingMode: 'PAY_PER_REQUEST',
  attributeDefinitions: [{ name: 'id', type: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
};

async function backendFor(
  sandbox: Sandbox,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      kratixDynamoDBPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory({ result }),
      mockServices.rootConfig.factory({
        data: {
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: sandbox.plainHttpUrl,
                auth: { serviceAccountToken: sandbox.token },
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

/** CRDs take a moment to be served; discovery is asked until the request kind is there. */
async function waitForApi(admin: KubernetesClient) {
  for (let i = 0; i < 100; i++) {
    try {
      await admin.list(DYNAMODB_REQUEST_GVK, { namespace: 'default' });
      await admin.list(KUBEVELA_APPLICATION_GVK, { namespace: 'default' });
      return;
    } catch {
      await new Promise(r => setTimeout(r, 100));
    }
  }
  throw new Error('the CRDs were never served');
}

describe('POST /api/kratix-dynamodb/validate on the sandbox', () => {
  let sandbox: Sandbox;
  let admin: KubernetesClient;
  let server: Awaited<ReturnType<typeof backendFor>>;

  const validate = async (body: object) => {
    const res = await request(server)
      .post('/api/kratix-dynamodb/validate')
      .send({ cluster: 'sandbox', namespace: 'default', ...body });
    expect(JSON.stringify(res.body)).not.toContain(sandbox.token);
    return res;
  };

  beforeAll(async () => {
    // Only the API server: the CRDs are installed by hand, as the platform team would.
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      controllers: false,
    });
    admin = new KubernetesClient({
      cluster: 'sandbox',
      connection: {
        server: sandbox.plainHttpUrl,
        headers: { Authorization: `Bearer ${sandbox.token}` },
        rejectUnauthorized: true,
      },
    });
    // This platform's cluster is stricter than the plugin: its CRD allows one region only.
    const crd = readRepoYaml('examples/kratix-promise/promise.yaml').spec.api;
    const specSchema =
      crd.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    specSchema.properties.region.enum = ['eu-west-1', 'us-east-1'];
    await admin.create(CRD, crd);
    await admin.create(
      CRD,
      readRepoYaml('packages/sandbox/crds/kubevela-applications.yaml'),
    );
    await waitForApi(admin);
    await admin.create(DYNAMODB_REQUEST_GVK, {
      ...readRepoYaml('examples/requests/simple.yaml'),
      metadata: { name: 'taken', namespace: 'default' },
    });
    server = await backendFor(sandbox);
  });

  afterAll(() => sandbox?.stop());

  it('accepts a request the cluster admits, and stores nothing', async () => {
    const res = await validate({ name: 'orders', spec: SPEC });
    expect(res.status).toBe(200);
    expect(res.body).toEqual<DryRunResult>({
      outcome: 'accepted',
      cluster: 'sandbox',
      checked: ['DynamoDBRequest default/orders'],
      problems: [],
    });
    expect(
      await admin.get(DYNAMODB_REQUEST_GVK, 'default', 'orders'),
    ).toBeUndefined();
  });

  it("surfaces the cluster's admission refusal at the field it names", async () => {
    // The plugin's model allows every AWS region; this cluster's CRD does not.
    const res = await validate({
      name: 'orders',
      spec: { ...SPEC, region: 'eu-central-1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('refused');
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        source: 'cluster',
        field: 'spec.region',
        message: expect.stringMatching(
          /^DynamoDBRequest default\/orders: .*eu-central-1/,
        ),
      }),
    ]);
  });

  it('gives the model its say first, at the form field, without asking the cluster', async () => {
    const res = await validate({
      name: 'orders',
      spec: {
        ...SPEC,
        attributeDefinitions: [
          { name: 'id', type: 'S' },
          { name: 'createdAt', type: 'N' },
        ],
        keySchema: [
          { attributeName: 'id', keyType: 'HASH' },
          { attributeName: 'createdAt', keyType: 'HASH' },
        ],
      },
    });
    expect(res.body.outcome).toBe('refused');
    expect(res.body.checked).toEqual([]);
    expect(res.body.problems).toContainEqual(
      expect.objectContaining({
        source: 'model',
        field: 'keySchema[1].keyType',
      }),
    );
  });

  it('names the field for a taken name and for a namespace the cluster lacks', async () => {
    const taken = await validate({ name: 'taken', spec: SPEC });
    expect(taken.body.problems).toEqual([
      expect.objectContaining({ source: 'cluster', field: 'name' }),
    ]);
    const missing = await validate({
      namespace: 'nowhere',
      name: 'orders',
      spec: SPEC,
    });
    expect(missing.body.problems).toEqual([
      expect.objectContaining({
        source: 'cluster',
        field: 'namespace',
        message: "namespace 'nowhere' does not exist on cluster 'sandbox'",
      }),
    ]);
  });

  it('refuses a system namespace by policy before the cluster is asked', async () => {
    const res = await validate({
      namespace: 'kube-system',
      name: 'orders',
      spec: SPEC,
    });
    expect(res.body.problems).toEqual([
      expect.objectContaining({ source: 'policy', field: 'namespace' }),
    ]);
    expect(res.body.checked).toEqual([]);
  });

  it('dry-runs the Application too for the app template, and stores neither', async () => {
    const res = await validate({
      name: 'shop-table',
      application: { name: 'shop' },
      spec: SPEC,
    });
    expect(res.body).toEqual({
      outcome: 'accepted',
      cluster: 'sandbox',
      checked: [
        'Application default/shop',
        'DynamoDBRequest default/shop-table',
      ],
      problems: [],
    });
    expect(
      await admin.get(KUBEVELA_APPLICATION_GVK, 'default', 'shop'),
    ).toBeUndefined();
    expect(
      await admin.get(DYNAMODB_REQUEST_GVK, 'default', 'shop-table'),
    ).toBeUndefined();
  });

  it('refuses a user without the create permission, and says which permission', async () => {
    const denied = await backendFor(sandbox, AuthorizeResult.DENY);
    const res = await request(denied)
      .post('/api/kratix-dynamodb/validate')
      .send({
        cluster: 'sandbox',
        namespace: 'default',
        name: 'orders',
        spec: SPEC,
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('kratix.dynamodb.request.create');
  });

  it('answers 400 naming the field for a malformed body', async () => {
    const res = await request(server)
      .post('/api/kratix-dynamodb/validate')
      .send({ cluster: 'sandbox', name: 'orders', spec: SPEC });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('namespace must be a non-empty string');
  });
});
