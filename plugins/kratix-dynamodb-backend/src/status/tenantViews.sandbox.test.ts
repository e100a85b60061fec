/*
 * What one tenant's card shows of another's, through a real backend (startTestBackend)
 * reading the sandbox cluster:
 * - team a and team b each request a table called `orders`: two entities (the refs the
 *   catalog module makes), and neither card shows the other's objects;
 * - a viewer who may read the status but not the objects does not get the role ARNs,
 *   account ids and internal addresses that a workflow's failure message quotes; the
 *   backend's log keeps the whole message.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
  StatusChain,
  clusterObjectLocation,
  entityNameOfClusterObject,
  kratixDynamoDBObjectsReadPermission,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import { Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { readRepoYaml } from '../__testUtils__/sandboxEntities';

jest.setTimeout(120_000);

/** The Resource the catalog module makes for a request (its shape, with its ref scheme). */
function providerEntity(namespace: string, name: string): Entity {
  const ref = entityNameOfClusterObject({
    kind: 'resource',
    cluster: 'sandbox',
    namespace,
    name,
  });
  const location = clusterObjectLocation('sandbox', namespace, name);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [ANNOTATIONS.cluster]: 'sandbox',
        [ANNOTATIONS.request]: `${namespace}/${name}`,
      },
    },
    spec: {
      type: 'dynamodb-table',
      owner: `group:default/${namespace}`,
      lifecycle: 'production',
    },
  };
}

const ordersRequest = (namespace: string) => ({
  apiVersion: 'dynamodb.kratix.io/v1alpha1',
  kind: 'DynamoDBRequest',
  metadata: { name: 'orders', namespace },
  spec: {
    name: `${namespace}-orders`,
    region: 'us-east-1',
    billingMode: 'PAY_PER_REQUEST',
    attributeDefinitions: [{ name: 'id', type: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  },
});

/** What a failing pipeline might print: its role, account, pod IP and a service host. */
const LEAKY_FAILURE =
  'AccessDenied: User: arn:aws:sts::123456789012:assumed-role/kratix-pipeline/run is not authorized; ' +
  'called from 10.42.7.19 as system:serviceaccount:kratix-platform-system:dynamodb-pipeline ' +
  'via ack-controller.ack-system.svc.cluster.local';

describe("what one tenant's card shows", () => {
  let sandbox: Sandbox;
  let kube: KubernetesClient;
  let server: any;
  const logged: string[] = [];
  /** Whether the viewer may read the objects (the status itself is always allowed). */
  let objectsAllowed = true;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      createTableMs: 100,
    });
    kube = new KubernetesClient({
      cluster: 'sandbox',
      connection: {
        server: sandbox.plainHttpUrl,
        headers: { Authorization: `Bearer ${sandbox.token}` },
        rejectUnauthorized: true,
      },
    });
    await kube.create(
      KRATIX_PROMISE_GVK,
      readRepoYaml('examples/kratix-promise/promise.yaml'),
    );
    for (const namespace of ['team-a', 'team-b']) {
      await kube.create(
        { group: '', version: 'v1', kind: 'Namespace' },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      );
    }
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === kratixDynamoDBObjectsReadPermission.name &&
            !objectsAllowed
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    });
    const logger = mockServices.logger.mock({
      info: (message: string) => void logged.push(message),
    });
    ({ server } = await startTestBackend({
      features: [
        kratixDynamoDBPlugin,
        permissions.factory,
        logger.factory,
        catalogServiceMock.factory({
          entities: [
            providerEntity('team-a', 'orders'),
            providerEntity('team-b', 'orders'),
            providerEntity('team-a', 'leaky'),
          ],
        }),
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
              status: { gracePeriodSeconds: 1, clusterTimeoutMs: 3000 },
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => sandbox?.stop());

  const chain = async (namespace: string, query = '', object = 'orders') => {
    const { name } = entityNameOfClusterObject({
      kind: 'resource',
      cluster: 'sandbox',
      namespace,
      name: object,
    });
    const res = await request(server).get(
      `/api/kratix-dynamodb/status/${namespace}/resource/${name}${query}`,
    );
    expect(res.status).toBe(200);
    return res.body as StatusChain;
  };
  const stage = (c: StatusChain, id: string) =>
    c.stages.find(s => s.id === id)!;
  async function waitFor(
    what: string,
    read: () => Promise<StatusChain>,
    accept: (c: StatusChain) => boolean,
  ) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const c = await read();
      if (accept(c)) return c;
      if (Date.now() > deadline)
        throw new Error(`${what}: ${JSON.stringify(c.stages)}`);
      await new Promise(r => setTimeout(r, 250));
    }
  }

  it("gives two teams' same-named requests two cards, neither showing the other's objects", async () => {
    await kube.create(DYNAMODB_REQUEST_GVK, ordersRequest('team-a'));
    await kube.create(DYNAMODB_REQUEST_GVK, ordersRequest('team-b'));
    for (const [mine, theirs] of [
      ['team-a', 'team-b'],
      ['team-b', 'team-a'],
    ]) {
      const c = await waitFor(
        `the table of ${mine} never became ACTIVE`,
        () => chain(mine, '?objects=true'),
        x => stage(x, 'table').state === 'ok',
      );
      expect(c.entityRef).toBe(`resource:${mine}/orders_sandbox`);
      expect(JSON.stringify(c.stages)).toContain(`${mine}-orders`);
      expect(JSON.stringify(c.stages)).not.toContain(`${theirs}-orders`);
      const namespaced = c.objects!.filter(o => o.namespace !== undefined);
      expect(namespaced.length).toBeGreaterThan(0);
      expect(namespaced.every(o => o.namespace === mine)).toBe(true);
      expect(JSON.stringify(c.objects)).not.toContain(`${theirs}-orders`);
    }
  });

  it('redacts role ARNs, account ids, addresses and service accounts for a viewer without objects.read, and logs them whole', async () => {
    // An ACTIVE table's ARN names the AWS account.
    objectsAllowed = true;
    const full = await chain('team-a');
    expect(JSON.stringify(full.stages)).toMatch(
      /arn:aws:dynamodb:[^"]*:\d{12}:/,
    );
    expect(full.redacted).toBeUndefined();
    objectsAllowed = false;
    const shown = await chain('team-a');
    expect(shown.redacted).toBe(true);
    expect(JSON.stringify(shown.stages)).not.toMatch(/arn:aws|\d{12}/);
    expect(stage(shown, 'table').state).toBe('ok');

    // A workflow that fails quoting its role, account, pod IP, service account and a host.
    sandbox.faults.set({ workflowFails: LEAKY_FAILURE });
    const leaky = ordersRequest('team-a');
    leaky.metadata.name = 'leaky';
    leaky.spec.name = 'team-a-leaky';
    await kube.create(DYNAMODB_REQUEST_GVK, leaky);
    objectsAllowed = true;
    const failed = await waitFor(
      'the workflow never failed',
      () => chain('team-a', '', 'leaky'),
      c => JSON.stringify(c.stages).includes('10.42.7.19'),
    );
    objectsAllowed = false;
    const redacted = await chain('team-a', '', 'leaky');
    sandbox.faults.set({ workflowFails: false });
    const text = JSON.stringify(redacted.stages);
    expect(redacted.redacted).toBe(true);
    for (const secret of [
      'arn:aws',
      '123456789012',
      '10.42.7.19',
      'dynamodb-pipeline',
      'svc.cluster.local',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('AccessDenied: User: [arn] is not authorized');
    // The diagnosis itself is the same, only its texts are redacted.
    expect(redacted.stages.map(x => x.state)).toEqual(
      failed.stages.map(x => x.state),
    );
    // The operators' log keeps the whole message.
    expect(logged.some(line => line.includes(LEAKY_FAILURE))).toBe(true);
    // And the objects themselves stay refused outright.
    const res = await request(server).get(
      '/api/kratix-dynamodb/status/team-a/resource/leaky_sandbox?objects=true',
    );
    expect(res.status).toBe(403);
  });
});
