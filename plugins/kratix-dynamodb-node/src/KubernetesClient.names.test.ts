import { InputError } from '@backstage/errors';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import { startSandboxWithClient } from './__testUtils__/sandboxClient';
import { KubernetesClient } from './KubernetesClient';

const CONFIG_MAP = { group: '', version: 'v1', kind: 'ConfigMap' };
const ROLE = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
};

/** What a hostile colleague types where a name is expected. */
const HOSTILE_NAMES = [
  '.',
  '..',
  '',
  'a/b',
  '../kube-system',
  'a%2Fb',
  '%2e%2e',
  'tablé',
  'Orders',
  'a\nb',
  'x'.repeat(254),
];
const HOSTILE_NAMESPACES = [
  '.',
  '..',
  'a/b',
  'a%2Fb',
  'ns\u200b',
  'Team-A',
  'x'.repeat(64),
];

describe('KubernetesClient refuses names that would change the URL', () => {
  let sandbox: Sandbox;
  let client: KubernetesClient;
  const total = () => sandbox.requestCounts().total;
  const configMapNames = async () =>
    (await client.list(CONFIG_MAP, { namespace: 'default' })).items
      .map(i => i.metadata.name)
      .sort();

  beforeAll(async () => {
    ({ sandbox, client } = await startSandboxWithClient());
    for (const name of ['first', 'second'])
      await client.create(CONFIG_MAP, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'default' },
      });
  });
  afterAll(() => sandbox.stop());

  it.each(HOSTILE_NAMES)(
    'get and delete of name %j send nothing and keep every object',
    async name => {
      const before = total();
      await expect(client.get(CONFIG_MAP, 'default', name)).rejects.toThrow(
        InputError,
      );
      await expect(client.get(CONFIG_MAP, 'default', name)).rejects.toThrow(
        /^name .* is not a valid ConfigMap name/,
      );
      await expect(client.delete(CONFIG_MAP, 'default', name)).rejects.toThrow(
        InputError,
      );
      await expect(
        client.mergePatch(CONFIG_MAP, 'default', name, {
          data: { owned: 'yes' },
        }),
      ).rejects.toThrow(InputError);
      await expect(
        client.create(CONFIG_MAP, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name, namespace: 'default' },
        }),
      ).rejects.toThrow(InputError);
      expect(total()).toBe(before);
      expect(await configMapNames()).toEqual(['first', 'second']);
    },
  );

  it.each(HOSTILE_NAMESPACES)(
    'namespace %j is refused for every verb before any request',
    async namespace => {
      const before = total();
      await expect(client.get(CONFIG_MAP, namespace, 'first')).rejects.toThrow(
        /^namespace .* is not a valid namespace/,
      );
      await expect(client.list(CONFIG_MAP, { namespace })).rejects.toThrow(
        InputError,
      );
      await expect(
        client.delete(CONFIG_MAP, namespace, 'first'),
      ).rejects.toThrow(InputError);
      await expect(
        client.watch(
          CONFIG_MAP,
          { namespace },
          () => {},
          () => {},
        ),
      ).rejects.toThrow(InputError);
      await expect(
        client.proxyGet(namespace, 'app', 8080, '/health', 1000),
      ).rejects.toThrow(InputError);
      expect(total()).toBe(before);
    },
  );

  it('keeps the service proxy to the named service and path', async () => {
    const before = total();
    await expect(
      client.proxyGet('default', '..', 8080, '/health', 1000),
    ).rejects.toThrow(/^service /);
    await expect(
      client.proxyGet('default', 'app', '../..', '/health', 1000),
    ).rejects.toThrow(/^port /);
    await expect(
      client.proxyGet('default', 'app', 8080, '../../../secrets', 1000),
    ).rejects.toThrow(/^path /);
    await expect(
      client.proxyGet('default', 'app', 8080, '/%2e%2e/%2e%2e/secrets', 1000),
    ).rejects.toThrow(/^path /);
    expect(total()).toBe(before);
  });

  it('is as lenient as Kubernetes where Kubernetes is (RBAC names are path segments)', async () => {
    await expect(
      client.get(ROLE, 'default', 'system:controller:reader'),
    ).resolves.toBeUndefined();
    await expect(client.get(ROLE, 'default', '..')).rejects.toThrow(InputError);
    await expect(
      client.get(CONFIG_MAP, 'default', 'kube-root-ca.crt.v2'),
    ).resolves.toBeUndefined();
  });
});
