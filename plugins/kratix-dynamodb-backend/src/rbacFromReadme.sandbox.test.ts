/*
 * Issue 18, proven with the docs: the status route runs with a ServiceAccount bound to exactly
 * the ClusterRole that README.md ("Using real clusters") documents, read from the README itself.
 * With that role the whole chain is green; without any one verb the route needs, the stage that
 * needs it says what is missing (the apiserver's 403 names the verb and resource).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  KUBEVELA_APPLICATION_GVK,
  STATUS_STAGE_IDS,
  StatusChain,
  StatusStage,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import {
  Permission,
  permissionsUsedBy,
  RbacSandbox,
  startReadmeRbacSandbox,
  withoutPermission,
} from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from './plugin';
import { readRepoYaml, sandboxEntity } from './__testUtils__/sandboxEntities';

jest.setTimeout(180_000);

const readYaml = readRepoYaml;
const entity = sandboxEntity;
const TABLE_REF = 'default/resource/simple-table';
const APP_REF = 'default/component/session-management-app';
const ENTITIES = [
  entity('Resource', 'simple-table', {
    [ANNOTATIONS.request]: 'default/simple-table',
  }),
  entity('Component', 'session-management-app', {
    [ANNOTATIONS.application]: 'default/session-management-app',
  }),
];

/** The stage that needs each kind the route reads, and the entity whose chain shows it. */
const STAGE_OF: Record<string, { stage: StatusStage['id']; ref: string }> = {
  promises: { stage: 'promise', ref: TABLE_REF },
  dynamodbrequests: { stage: 'request', ref: TABLE_REF },
  tables: { stage: 'table', ref: TABLE_REF },
  applications: { stage: 'application', ref: APP_REF },
  'services/proxy': { stage: 'health', ref: APP_REF },
  services: { stage: 'health', ref: APP_REF },
};

type Stages = Record<string, StatusStage>;

/** The session-api refuses to start without a token secret: a literal one here, whatever the example refers to. */
function withAuthSecret(app: any) {
  for (const component of app.spec.components) {
    if (component.type !== 'webservice') continue;
    const env: Array<{ name: string }> = (
      component.properties.env ?? []
    ).filter((e: { name: string }) => e.name !== 'AUTH_JWT_SECRET');
    component.properties.env = [
      ...env,
      {
        name: 'AUTH_JWT_SECRET',
        value: 'rbac-test-secret-0123456789abcdef0123456789abcdef',
      },
    ];
  }
  return app;
}

describe('the status route with the README ClusterRole', () => {
  let rbac: RbacSandbox;

  beforeAll(async () => {
    rbac = await startReadmeRbacSandbox();
    // The objects are the admin's doing; the backend only reads them.
    const admin = new KubernetesClient({
      cluster: 'sandbox',
      connection: rbac.adminConnection,
    });
    await admin.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    await admin.create(
      KUBEVELA_APPLICATION_GVK,
      withAuthSecret(readYaml('examples/kubevela/session-management-app.yaml')),
    );
  });
  afterAll(() => rbac?.sandbox.stop());

  /** A backend whose only cluster credential is the ServiceAccount's token. */
  async function startBackend() {
    const backend = await startTestBackend({
      features: [
        kratixDynamoDBPlugin,
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.rootConfig.factory({
          data: {
            kratixDynamodb: {
              clusters: [
                {
                  name: 'sandbox',
                  url: rbac.sandbox.plainHttpUrl,
                  auth: { serviceAccountToken: rbac.token },
                },
              ],
              status: {
                gracePeriod: { seconds: 1 },
                clusterTimeout: { seconds: 3 },
              },
              health: { cacheTtl: { milliseconds: 0 } },
              // The hand-made entities below link to objects in default, which guests own.
              tenancy: { namespaces: { default: ['group:default/guests'] } },
            },
          },
        }),
      ],
    });
    const chain = async (ref: string) => {
      const res = await request(backend.server).get(
        `/api/kratix-dynamodb/status/${ref}`,
      );
      expect(res.status).toBe(200);
      return res.body as StatusChain;
    };
    const waitFor = async (
      ref: string,
      accept: (stages: Stages) => boolean,
      timeoutMs = 60_000,
    ) => {
      const deadline = Date.now() + timeoutMs;
      let stages: Stages = {};
      while (Date.now() < deadline) {
        stages = Object.fromEntries(
          (await chain(ref)).stages.map(s => [s.id, s]),
        );
        if (accept(stages)) return stages;
        await new Promise(r => setTimeout(r, 250));
      }
      throw new Error(
        `chain of ${ref} never matched; last: ${JSON.stringify(
          Object.values(stages).map(s => [s.id, s.state, s.summary]),
        )}`,
      );
    };
    return { waitFor, stop: () => backend.stop() };
  }

  it('is green from the Promise to /ready with exactly that role', async () => {
    const backend = await startBackend();
    try {
      const app = await backend.waitFor(
        APP_REF,
        s => STATUS_STAGE_IDS.every(id => s[id]?.state === 'ok'),
        120_000,
      );
      expect(app.health.summary).toBe('/health 200, /ready 200');
      const table = await backend.waitFor(
        TABLE_REF,
        s => s.table.state === 'ok',
      );
      expect(table.table.summary).toMatch(/^ACTIVE/);
      expect(rbac.sandbox.requestCounts().byCode['403'] ?? 0).toBe(0);
    } finally {
      await backend.stop();
    }
  });

  const removals = () => permissionsUsedBy(rbac.role, 'status');
  /** One row per permission the route needs; checked against the README's role below. */
  const ROWS = [
    'list promises',
    'watch promises',
    'list dynamodbrequests',
    'watch dynamodbrequests',
    'list tables',
    'watch tables',
    'list applications',
    'watch applications',
    'get services/proxy',
    'get services',
  ];
  it('needs every verb the README grants it: list and watch of four kinds, get of services/proxy and services', () => {
    expect(removals().map(p => `${p.verb} ${p.resource}`)).toEqual(ROWS);
  });

  describe.each(ROWS)('without %s', name => {
    afterEach(() => rbac.setRole(rbac.role));

    it('the stage that needs it says which permission is missing', async () => {
      const removed = removals().find(
        p => `${p.verb} ${p.resource}` === name,
      ) as Permission;
      await rbac.setRole(withoutPermission(rbac.role, removed));
      const { stage, ref } = STAGE_OF[removed.resource];
      const backend = await startBackend();
      try {
        const refusal = `cannot ${removed.verb} resource "${removed.resource}"`;
        const stages = await backend.waitFor(ref, s =>
          s[stage]?.summary.includes(refusal),
        );
        expect(stages[stage].state).not.toBe('ok');
        expect(stages[stage].summary).toContain(rbac.user);
        expect(stages[stage].hint).toMatch(/ClusterRole|services\/proxy/);
      } finally {
        await backend.stop();
      }
    });
  });
});
