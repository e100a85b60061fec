/*
 * Issue 18, proven with the docs: the entity provider follows the cluster with a ServiceAccount
 * bound to exactly the ClusterRole in README.md ("Using real clusters"), read from the README.
 * Without list or watch of requests or Applications, its logs say which permission is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  DYNAMODB_REQUEST_GVK,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import {
  ClusterClientFactory,
  ClusterInformers,
  KubernetesClient,
} from '@kratix-dynamodb/node';
import {
  permissionsUsedBy,
  RbacSandbox,
  startReadmeRbacSandbox,
  withoutPermission,
} from '@kratix-dynamodb/sandbox';
import YAML from 'yaml';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const readYaml = (file: string) =>
  YAML.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function eventually<T>(
  what: string,
  read: () => T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

describe('the catalog provider with the README ClusterRole', () => {
  let rbac: RbacSandbox;
  let admin: KubernetesClient;

  beforeAll(async () => {
    rbac = await startReadmeRbacSandbox();
    admin = new KubernetesClient({
      cluster: 'sandbox',
      connection: rbac.adminConnection,
    });
    const examples = [
      [DYNAMODB_REQUEST_GVK, 'examples/requests/simple.yaml'],
      [
        KUBEVELA_APPLICATION_GVK,
        'examples/kubevela/session-management-app.yaml',
      ],
    ] as const;
    for (const [gvk, file] of examples) await admin.create(gvk, readYaml(file));
  });
  afterAll(() => rbac?.sandbox.stop());

  /** The provider on its own informers, with the ServiceAccount's token; every warning is kept. */
  async function startProvider() {
    const warnings: string[] = [];
    const logger = mockServices.logger.mock({
      warn: (message: string) => void warnings.push(message),
    });
    const clients = new ClusterClientFactory([
      {
        name: 'sandbox',
        url: rbac.sandbox.plainHttpUrl,
        auth: {
          type: 'provider',
          provider: 'serviceAccount',
          metadata: { serviceAccountToken: rbac.token },
        },
        skipTLSVerify: false,
      },
    ]);
    const informers = new ClusterInformers(clients, logger, {
      maxBackoffMs: 200,
    });
    let fullSync: () => Promise<void> = async () => {};
    const provider = new KratixDynamoDBEntityProvider({
      clusters: { clients, informers },
      logger,
      runner: {
        run: async task => void (fullSync = task.fn as () => Promise<void>),
      },
      tenancy: { ownersOf: () => new Set() },
    });
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => void mutations.push(m),
      refresh: async () => {},
    };
    await provider.connect(connection);
    /** `Kind:name` of every entity the provider has told the catalog about, in full or delta. */
    const emitted = () =>
      new Set(
        mutations
          .flatMap(m => (m.type === 'full' ? m.entities : m.added))
          .map(d => `${d.entity.kind}:${d.entity.metadata.name}`),
      );
    const stop = async () => {
      provider.disconnect();
      await informers.stopAll();
    };
    return { warnings, mutations, emitted, fullSync: () => fullSync(), stop };
  }

  it('emits the entities and follows changes live with exactly that role', async () => {
    const p = await startProvider();
    try {
      await p.fullSync();
      expect(p.mutations.filter(m => m.type === 'full')).toHaveLength(1);
      expect([...p.emitted()]).toEqual(
        expect.arrayContaining([
          'Resource:simple-table_sandbox',
          'Component:session-management-app_sandbox',
        ]),
      );
      await admin.create(
        DYNAMODB_REQUEST_GVK,
        readYaml('examples/requests/provisioned.yaml'),
      );
      await eventually('the new request as an entity, through the watch', () =>
        p.emitted().has('Resource:orders-table_sandbox'),
      );
      expect(p.warnings).toEqual([]);
      expect(rbac.sandbox.requestCounts().byCode['403'] ?? 0).toBe(0);
    } finally {
      await p.stop();
    }
  });

  it('needs list and watch of requests and Applications, which the README grants it', () => {
    expect(
      permissionsUsedBy(rbac.role, 'catalog').map(
        p => `${p.verb} ${p.resource}`,
      ),
    ).toEqual([
      'list dynamodbrequests',
      'watch dynamodbrequests',
      'list applications',
      'watch applications',
    ]);
  });

  describe.each(['dynamodbrequests', 'applications'])('%s', resource => {
    afterEach(() => rbac.setRole(rbac.role));
    const without = (verb: string) =>
      rbac.setRole(
        withoutPermission(
          rbac.role,
          permissionsUsedBy(rbac.role, 'catalog').find(
            p => p.verb === verb && p.resource === resource,
          )!,
        ),
      );

    it('without list: no full sync, and the log names the missing permission', async () => {
      await without('list');
      const p = await startProvider();
      try {
        await p.fullSync();
        expect(p.mutations).toEqual([]);
        const refusal = `cannot list resource "${resource}"`;
        const skipped = p.warnings.find(w =>
          w.includes('full catalog sync skipped'),
        );
        expect(skipped).toContain(refusal);
        expect(skipped).toContain(rbac.user);
      } finally {
        await p.stop();
      }
    });

    it('without watch: the cache goes stale, the full sync is skipped, and the log names the missing permission', async () => {
      await without('watch');
      const p = await startProvider();
      try {
        const refusal = `cannot watch resource "${resource}"`;
        // The informer says so as soon as its watch is refused, and keeps retrying with backoff.
        const logged = await eventually('a warning about the watch', () =>
          p.warnings.find(w => w.includes(refusal)),
        );
        expect(logged).toMatch(
          /^kratix-dynamodb: .* on cluster 'sandbox': Not permitted to watch/,
        );
        // The cache is stale, so the full sync keeps the entities as they were and says why.
        await p.fullSync();
        expect(p.mutations.filter(m => m.type === 'full')).toEqual([]);
        expect(
          p.warnings.find(w => w.includes('full catalog sync skipped')),
        ).toContain(refusal);
      } finally {
        await p.stop();
      }
    });
  });
});
