import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  api,
  kubectl,
  startTestSandbox,
  WIDGET_CRD,
  type TestSandbox,
} from '../__testUtils__/testSandbox';
import { writeExecKubeconfig } from '../execKubeconfig';
import { normalizePathPrefix } from './pathPrefix';

/*
 * `pathPrefix`: the whole API below a path, as Rancher serves downstream clusters
 * (`https://rancher/k8s/clusters/c-1`), so clients that drop the server URL's path fail here
 * as they would there.
 */

describe('pathPrefix', () => {
  let sandbox: TestSandbox;
  const origin = () => new URL(sandbox.plainHttpUrl).origin;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      pathPrefix: 'k8s/clusters/c-1/',
    });
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('serves the API below the prefix only, and names it in the kubeconfig', async () => {
    expect(sandbox.pathPrefix).toBe('/k8s/clusters/c-1');
    expect(sandbox.url).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/k8s\/clusters\/c-1$/,
    );
    const kubeconfig = parse(fs.readFileSync(sandbox.kubeconfigPath!, 'utf8'));
    expect(kubeconfig.clusters[0].cluster.server).toBe(sandbox.url);

    expect((await api(sandbox, 'GET', '/api/v1/namespaces')).status).toBe(200);
    expect((await api(sandbox, 'GET', '/sandbox/metrics')).status).toBe(200);
    for (const unprefixed of [
      '/api/v1/namespaces',
      '/version',
      '/k8s/clusters/c-2/version',
      '/k8s/clusters/c-1x/version',
    ]) {
      const res = await fetch(`${origin()}${unprefixed}`, {
        headers: { Authorization: `Bearer ${sandbox.token}` },
      });
      expect([unprefixed, res.status]).toEqual([unprefixed, 404]);
      expect(await res.json()).toMatchObject({ kind: 'Status', code: 404 });
    }
  });

  it('works with kubectl: discovery, apply with OpenAPI validation, get, and the Table output', async () => {
    const applied = await kubectl(
      sandbox,
      ['apply', '-f', '-'],
      JSON.stringify(WIDGET_CRD),
    );
    expect(applied).toMatchObject({ code: 0 });
    const widget = {
      apiVersion: 'example.io/v1',
      kind: 'Widget',
      metadata: { name: 'w1', namespace: 'default' },
      spec: { color: 'red', keys: [{ keyType: 'HASH' }], bogus: 1 },
    };
    const strict = await kubectl(
      sandbox,
      ['apply', '-f', '-'],
      JSON.stringify(widget),
    );
    expect(strict.stderr).toContain('unknown field "spec.bogus"');
    delete (widget.spec as any).bogus;
    expect(
      await kubectl(sandbox, ['apply', '-f', '-'], JSON.stringify(widget)),
    ).toMatchObject({
      code: 0,
      stdout: 'widget.example.io/w1 created\n',
    });
    const listed = await kubectl(sandbox, ['get', 'widgets']);
    expect(listed.stdout).toMatch(/^NAME\s+COLOR\nw1\s+red\n$/);
    // `--raw` paths replace the server URL's path (client-go's RequestURI), on Rancher too.
    const raw = await kubectl(sandbox, ['get', '--raw', '/version']);
    expect(raw.stderr).toContain(
      'the server could not find the requested resource',
    );
    expect(
      (
        await kubectl(sandbox, [
          'get',
          '--raw',
          `${sandbox.pathPrefix}/version`,
        ])
      ).stdout,
    ).toContain('gitVersion');
  }, 60_000);

  it('works with the exec credential plugin, which mints its tokens below the prefix', async () => {
    await api(sandbox, 'POST', '/api/v1/namespaces/default/serviceaccounts', {
      metadata: { name: 'robot' },
    });
    const kubeconfigPath = writeExecKubeconfig({
      sandbox,
      path: path.join(sandbox.tempDir, 'exec-kubeconfig'),
      serviceAccount: 'default/robot',
      expirationSeconds: 600,
    });
    const whoami = await kubectl({ ...sandbox, kubeconfigPath }, [
      'auth',
      'whoami',
      '-o',
      'jsonpath={.status.userInfo.username}',
    ]);
    expect(whoami).toMatchObject({
      code: 0,
      stdout: 'system:serviceaccount:default:robot',
    });
  }, 30_000);

  it('normalizes prefixes and refuses ones that could escape', () => {
    expect(normalizePathPrefix(undefined)).toBeUndefined();
    expect(normalizePathPrefix('/')).toBeUndefined();
    expect(normalizePathPrefix('/a/b/')).toBe('/a/b');
    expect(() => normalizePathPrefix('/a/../b')).toThrow('invalid pathPrefix');
    expect(() => normalizePathPrefix('/a?b')).toThrow('invalid pathPrefix');
  });
});
