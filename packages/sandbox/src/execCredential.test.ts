import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  SANDBOX_CREDENTIAL_PLUGIN,
  writeExecKubeconfig,
} from './execKubeconfig';
import {
  api,
  kubectl,
  startTestSandbox,
  type TestSandbox,
} from './__testUtils__/testSandbox';

/*
 * A kubeconfig whose user runs the exec credential plugin (as EKS kubeconfigs run `aws eks
 * get-token`): kubectl keeps working across several expiries of 2 s tokens, while a token
 * minted once stops working.
 */

function runPlugin(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve =>
      execFile(
        process.execPath,
        [SANDBOX_CREDENTIAL_PLUGIN, ...args],
        { env: { ...process.env, ...env } },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as any).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      ),
  );
}

/** `kubectl proxy` on a free port: one long-lived client process, as a Backstage backend is. */
function kubectlProxy(sandbox: TestSandbox, kubeconfig: string) {
  const child = spawn(
    'kubectl',
    ['--kubeconfig', kubeconfig, 'proxy', '--port=0'],
    {
      env: { ...process.env, HOME: sandbox.tempDir },
    },
  );
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const port = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(out);
      if (port) resolve(`http://127.0.0.1:${port[1]}`);
    });
    child.once('exit', code =>
      reject(new Error(`kubectl proxy exited ${code}: ${out}`)),
    );
  });
  return { url, stop: () => child.kill() };
}

describe('exec credential plugin', () => {
  let sandbox: TestSandbox;
  let kubeconfig: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      rbac: true,
      shortTokenLifetimes: true,
    });
    for (const [method, url, body] of [
      [
        'POST',
        '/api/v1/namespaces/default/serviceaccounts',
        { metadata: { name: 'backstage' } },
      ],
      [
        'POST',
        '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
        {
          metadata: { name: 'backstage-admin' },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'cluster-admin',
          },
          subjects: [
            { kind: 'ServiceAccount', name: 'backstage', namespace: 'default' },
          ],
        },
      ],
      [
        'POST',
        '/api/v1/namespaces/default/configmaps',
        { metadata: { name: 'c1' } },
      ],
    ] as const) {
      const created = await api(sandbox, method, url, body);
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    }
    kubeconfig = writeExecKubeconfig({
      sandbox,
      path: path.join(sandbox.tempDir, 'exec-kubeconfig'),
      serviceAccount: 'default/backstage',
      expirationSeconds: 2,
    });
  }, 30_000);

  afterAll(() => sandbox.stop());

  /** The plugin run by hand, over plain HTTP with the bootstrap token in the environment. */
  const mintTwoSecondToken = () =>
    runPlugin(
      [
        ...['--server', sandbox.plainHttpUrl],
        ...['--service-account', 'default/backstage'],
        ...['--expiration-seconds', '2'],
      ],
      { SANDBOX_BOOTSTRAP_TOKEN: sandbox.token },
    );

  it('prints an ExecCredential with a token and an expiry a little before the real one', async () => {
    const out = await mintTwoSecondToken();
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const credential = JSON.parse(out.stdout);
    expect(credential).toMatchObject({
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1',
      status: {
        token: expect.any(String),
        expirationTimestamp: expect.any(String),
      },
    });
    const claims = JSON.parse(
      Buffer.from(
        credential.status.token.split('.')[1],
        'base64url',
      ).toString(),
    );
    const reported = Date.parse(credential.status.expirationTimestamp);
    expect(reported).toBeLessThan(claims.exp * 1000);
    expect(reported).toBeGreaterThan(Date.now());

    const missing = await runPlugin(
      ['--server', sandbox.plainHttpUrl, '--service-account', 'default/nobody'],
      {
        SANDBOX_BOOTSTRAP_TOKEN: sandbox.token,
      },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('serviceaccounts "nobody" not found');
  }, 20_000);

  it('keeps kubectl working across token expiries, while a fixed token gets 401', async () => {
    const fixed = await mintTwoSecondToken();
    const fixedToken = JSON.parse(fixed.stdout).status.token;
    const withExec = (...args: string[]) =>
      kubectl({ ...sandbox, kubeconfigPath: kubeconfig }, args);
    const proxy = kubectlProxy(sandbox, kubeconfig);
    try {
      const proxyUrl = await proxy.url;
      const minted = () =>
        sandbox.requestCounts().byResource.serviceaccounts?.create ?? 0;
      const mintedBefore = minted();
      const started = Date.now();
      const results: string[] = [];
      while (Date.now() - started < 7000) {
        const got = await withExec('get', 'configmap', 'c1', '-o', 'name');
        const viaProxy = await fetch(
          `${proxyUrl}/api/v1/namespaces/default/configmaps/c1`,
        );
        results.push(
          `${got.code}:${got.stdout.trim()}:${got.stderr.trim()} proxy:${
            viaProxy.status
          }`,
        );
        await sleep(700);
      }
      expect(results.length).toBeGreaterThanOrEqual(4);
      // One token per kubectl run, and the proxy renewed its own several times.
      expect(minted() - mintedBefore).toBeGreaterThanOrEqual(
        results.length + 2,
      );
      expect(new Set(results)).toEqual(new Set(['0:configmap/c1: proxy:200']));
    } finally {
      proxy.stop();
    }
    const refused = await kubectl(sandbox, [
      '--token',
      fixedToken,
      'get',
      'configmap',
      'c1',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'error: You must be logged in to the server (Unauthorized)',
    );
    expect(
      (await api({ ...sandbox, token: fixedToken }, 'GET', '/version')).status,
    ).toBe(401);
  }, 60_000);
});
