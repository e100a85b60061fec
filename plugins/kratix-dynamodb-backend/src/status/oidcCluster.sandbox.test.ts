/*
 * A cluster with `authProvider: oidc` is read as each signed-in user, with the token the browser
 * sends for the named Backstage auth provider, so Kubernetes RBAC decides what each one sees.
 * Played on an RBAC-enabled sandbox whose users alice (team-a) and bob (team-b) stand for two
 * OIDC identities: only team-a is bound to a role that may read the chain's kinds.
 */
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
  kubernetesUserTokenHeader,
  StatusChain,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import { Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { readRepoYaml, sandboxEntity } from '../__testUtils__/sandboxEntities';
import { sandboxAdminClient } from '../__testUtils__/sandboxAdminClient';

jest.setTimeout(120_000);

const OKTA_HEADER = kubernetesUserTokenHeader({
  authProvider: 'oidc',
  oidcTokenProvider: 'okta',
});
const RBAC = { group: 'rbac.authorization.k8s.io', version: 'v1' };

/** Every line the backend logs, at every level, to prove no token is among them. */
function capturingRootLogger(lines: string[]) {
  const logger: LoggerService = {
    error: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
    warn: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
    info: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
    debug: (m, meta) => void lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger,
  });
}

/** Team A may read the kinds of the chain in `default`; team B is bound to nothing. */
async function bindTeamA(kube: KubernetesClient) {
  await kube.create({ ...RBAC, kind: 'ClusterRole' }, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'kratix-viewer' },
    rules: [
      {
        apiGroups: ['platform.kratix.io'],
        resources: ['promises'],
        verbs: ['list'],
      },
      {
        apiGroups: ['dynamodb.kratix.io', 'dynamodb.services.k8s.aws'],
        resources: ['dynamodbrequests', 'tables'],
        verbs: ['list'],
      },
    ],
  } as any);
  await kube.create({ ...RBAC, kind: 'ClusterRoleBinding' }, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'team-a-kratix-viewer' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'kratix-viewer',
    },
    subjects: [
      {
        kind: 'Group',
        name: 'team-a',
        apiGroup: 'rbac.authorization.k8s.io',
      },
    ],
  } as any);
}

describe('a cluster read as each user (authProvider: oidc)', () => {
  let sandbox: Sandbox;
  let server: Parameters<typeof request>[0];
  const logged: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      createTableMs: 200,
      rbac: true,
      users: { alice: { groups: ['team-a'] }, bob: { groups: ['team-b'] } },
    });
    const kube = sandboxAdminClient(sandbox);
    await kube.create(
      KRATIX_PROMISE_GVK,
      readRepoYaml('examples/kratix-promise/promise.yaml'),
    );
    await bindTeamA(kube);
    // The Promise's CRD arrives with the Kratix controller's first reconcile.
    for (let i = 0; ; i++) {
      try {
        await kube.create(
          DYNAMODB_REQUEST_GVK,
          readRepoYaml('examples/requests/simple.yaml'),
        );
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise(r => setTimeout(r, 100));
      }
    }
    ({ server } = await startTestBackend({
      features: [
        kratixDynamoDBPlugin,
        capturingRootLogger(logged),
        catalogServiceMock.factory({
          entities: [
            sandboxEntity('Resource', 'simple-table', {
              [ANNOTATIONS.request]: 'default/simple-table',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kratixDynamodb: {
              clusters: [
                {
                  name: 'sandbox',
                  url: sandbox.plainHttpUrl,
                  authProvider: 'oidc',
                  authMetadata: {
                    'kubernetes.io/oidc-token-provider': 'okta',
                  },
                },
              ],
              status: { gracePeriodSeconds: 1, clusterTimeoutMs: 3000 },
              tenancy: { namespaces: { default: ['group:default/guests'] } },
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => sandbox?.stop());

  const chainAs = async (token?: string) => {
    const req = request(server).get(
      '/api/kratix-dynamodb/status/default/resource/simple-table',
    );
    const res = await (token ? req.set(OKTA_HEADER, token) : req);
    expect(res.status).toBe(200);
    const chain = res.body as StatusChain;
    return Object.fromEntries(chain.stages.map(s => [s.id, s]));
  };

  it('shows the chain to a user whose RBAC allows it, and a clear refusal to one whose RBAC does not', async () => {
    const alice = await chainAs(sandbox.userTokens.alice);
    expect(alice.promise.state).toBe('ok');
    expect(alice.request.summary).not.toMatch(/Not permitted|not found/i);

    const bob = await chainAs(sandbox.userTokens.bob);
    expect(bob.request.state).toBe('unknown');
    expect(bob.request.summary).toMatch(
      /^Not permitted: .*list dynamodbrequests.*"bob"/,
    );
    expect(bob.request.hint).toMatch(/read as you, with your own sign-in/);
    expect(bob.promise.summary).toMatch(/^Not permitted: /);

    // Alice's read just before did not leave anything that bob's could use, nor the reverse.
    const aliceAgain = await chainAs(sandbox.userTokens.alice);
    expect(aliceAgain.request.summary).not.toMatch(/Not permitted|not found/i);
    expect(aliceAgain.promise.state).toBe('ok');
  });

  it('says which sign-in is missing when the request carries no token, and never reads anonymously', async () => {
    const before = sandbox.requestCounts().total;
    const none = await chainAs();
    expect(none.request.state).toBe('unknown');
    expect(none.request.summary).toContain(
      'is read with your own sign-in token, and this request carried none (header backstage-kubernetes-authorization-oidc-okta)',
    );
    expect(none.request.hint).toMatch(/sign in to its provider/);
    expect(sandbox.requestCounts().total).toBe(before);
  });

  it('keeps no shared watch of the cluster and never logs a token', async () => {
    await chainAs(sandbox.userTokens.alice);
    await chainAs(sandbox.userTokens.bob);
    expect(sandbox.requestCounts().byVerb.watch ?? 0).toBe(0);
    const everything = logged.join('\n');
    expect(everything).not.toContain(sandbox.userTokens.alice);
    expect(everything).not.toContain(sandbox.userTokens.bob);
  });

  it("lists the namespace picker's namespaces as the user whose token the request carries", async () => {
    const res = await request(server)
      .get('/api/kratix-dynamodb/clusters/sandbox/namespaces')
      .set(OKTA_HEADER, sandbox.userTokens.alice);
    // Alice may read the chain's kinds but not list namespaces: the cluster refuses her, by name.
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/"alice" cannot list/);
  });

  it("runs the wizard's dry run as the user whose token the request carries", async () => {
    const dryRunAs = (token?: string) => {
      const req = request(server).post('/api/kratix-dynamodb/validate');
      return (token ? req.set(OKTA_HEADER, token) : req).send({
        cluster: 'sandbox',
        namespace: 'default',
        name: 'orders-as-user',
        spec: readRepoYaml('examples/requests/simple.yaml').spec,
      });
    };
    // Neither may create: the cluster's refusal names the user it saw.
    const asBob = await dryRunAs(sandbox.userTokens.bob);
    expect(JSON.stringify(asBob.body)).toMatch(/\\"bob\\" cannot create/);
    expect(JSON.stringify(asBob.body)).not.toContain(sandbox.userTokens.bob);

    const anonymous = await dryRunAs();
    expect(JSON.stringify(anonymous.body)).toContain(
      'this request carried none (header backstage-kubernetes-authorization-oidc-okta)',
    );
  });
});
