import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  api,
  startTestSandbox,
  WIDGET_CRD,
  type TestSandbox,
} from './__testUtils__/testSandbox';

describe('@kubernetes/client-node against the sandbox', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ controllers: false });
    await api(
      sandbox,
      'POST',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      WIDGET_CRD,
    );
  });

  afterAll(() => sandbox.stop());

  it('lists, creates, watches, patches and deletes over TLS with the kubeconfig, and sees 409/422/404 as ApiExceptions', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          path.join(__dirname, '__testUtils__', 'clientNodeScenario.mjs'),
          sandbox.kubeconfigPath!,
        ],
        { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 30_000 },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`${error.message}\n${stderr}`))
            : resolve(stdout),
      );
    });
    const results = JSON.parse(output);
    expect(results.namespaces).toEqual(
      expect.arrayContaining(['default', 'kube-system']),
    );
    expect(results.crdNames).toEqual(['widgets.example.io']);
    expect(results.createdGeneration).toBe(1);
    expect(results.conflict).toMatchObject({
      code: 409,
      body: { reason: 'Conflict' },
    });
    expect(results.invalid).toMatchObject({
      code: 422,
      body: {
        reason: 'Invalid',
        details: {
          causes: [
            expect.objectContaining({
              field: 'spec.color',
              reason: 'FieldValueNotSupported',
            }),
          ],
        },
      },
    });
    expect(results.notFound).toMatchObject({
      code: 404,
      body: { reason: 'NotFound' },
    });
    expect(results.patchedSize).toBe(5);
    expect(results.events).toEqual([
      ['ADDED', 'from-client-node'],
      ['MODIFIED', 'from-client-node'],
      ['DELETED', 'from-client-node'],
    ]);
  }, 40_000);
});
