import { startUnsupportedMediaTypeStub } from './__testUtils__/kubectlStub';
import {
  startConformanceSandbox,
  watchUntil,
} from './__testUtils__/conformanceSandbox';
import { kubectl, type TestSandbox } from './__testUtils__/testSandbox';

/*
 * What kubectl 1.32 commands get from the sandbox, each checked against what a real API server
 * answers (access control is in kubectlRbac.test.ts). What is not supported is listed in the
 * README ("kubectl conformance").
 */

describe('kubectl conformance', () => {
  let sandbox: TestSandbox;
  const k = (...args: string[]) => kubectl(sandbox, args);

  beforeAll(async () => {
    sandbox = await startConformanceSandbox();
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('kubectl sends protobuf and does not retry with JSON after a 415, so the sandbox reads protobuf', async () => {
    const stub = await startUnsupportedMediaTypeStub(sandbox.tempDir);
    try {
      const refused = await k(
        '--kubeconfig',
        stub.kubeconfig,
        'create',
        'configmap',
        'c0',
        '--from-literal=a=b',
      );
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        'the body of the request was in an unknown format',
      );
      const posts = stub.requests.filter(r => r.method === 'POST');
      expect(posts).toEqual([
        expect.objectContaining({
          contentType: 'application/vnd.kubernetes.protobuf',
        }),
      ]);
    } finally {
      await stub.close();
    }
  }, 30_000);

  it('creates the built-in kinds kubectl sends as protobuf', async () => {
    expect((await k('create', 'namespace', 'team-b')).stdout).toBe(
      'namespace/team-b created\n',
    );
    expect(
      (await k('create', 'secret', 'generic', 's1', '--from-literal=a=b'))
        .stdout,
    ).toBe('secret/s1 created\n');
    expect(
      (await k('create', 'configmap', 'c1', '--from-literal=a=b')).stdout,
    ).toBe('configmap/c1 created\n');
    expect((await k('create', 'serviceaccount', 'robot')).stdout).toBe(
      'serviceaccount/robot created\n',
    );
    expect(
      (
        await k(
          'create',
          'deployment',
          'web',
          '--image=nginx',
          '--replicas=2',
          '--port=8080',
        )
      ).stdout,
    ).toBe('deployment.apps/web created\n');
    expect(
      (await k('create', 'service', 'clusterip', 'web', '--tcp=80:8080')).code,
    ).toBe(0);

    const secret = JSON.parse(
      (await k('get', 'secret', 's1', '-o', 'json')).stdout,
    );
    expect(secret).toMatchObject({ data: { a: 'Yg==' }, type: 'Opaque' });
    const deployment = JSON.parse(
      (await k('get', 'deployment', 'web', '-o', 'json')).stdout,
    );
    expect(deployment.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        spec: {
          containers: [
            { name: 'nginx', image: 'nginx', ports: [{ containerPort: 8080 }] },
          ],
        },
      },
    });
    expect(
      (
        await k(
          'wait',
          '--for=jsonpath={.status.phase}=Active',
          'namespace/team-b',
          '--timeout=10s',
        )
      ).stdout,
    ).toContain('condition met');
    // A duplicate is a 409, worded as the apiserver words it.
    const again = await k('create', 'namespace', 'team-b');
    expect(again.stderr).toBe(
      'Error from server (AlreadyExists): namespaces "team-b" already exists\n',
    );
  }, 60_000);

  it('applies a kind: List, with the server still rejecting unknown fields of its items', async () => {
    const list = (spec: Record<string, unknown>) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'listed' },
            data: { a: 'b' },
          },
          {
            apiVersion: 'dynamodb.kratix.io/v1alpha1',
            kind: 'DynamoDBRequest',
            metadata: { name: 'listed' },
            spec: {
              name: 'listed',
              region: 'us-east-1',
              billingMode: 'PAY_PER_REQUEST',
              attributeDefinitions: [{ name: 'id', type: 'S' }],
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
              ...spec,
            },
          },
        ],
      });
    const applied = await kubectl(sandbox, ['apply', '-f', '-'], list({}));
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toBe(
      'configmap/listed created\ndynamodbrequest.dynamodb.kratix.io/listed created\n',
    );
    const bad = await kubectl(
      sandbox,
      ['apply', '-f', '-'],
      list({ colour: 'red' }),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown field "spec.colour"');
  }, 60_000);

  it('lists the all category and explains built-in and custom kinds', async () => {
    await kubectl(
      sandbox,
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'example.io/v1',
        kind: 'Widget',
        metadata: { name: 'w1' },
        spec: { color: 'red', keys: [{ keyType: 'HASH' }] },
      }),
    );
    const created = await kubectl(
      sandbox,
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'example.io/v1',
        kind: 'Widget',
        metadata: { name: 'w2' },
        spec: { color: 'blue', keys: [{ keyType: 'HASH' }] },
      }),
    );
    expect(created.stdout).toBe('widget.example.io/w2 created\n');
    const all = await k('get', 'all', '-A', '-o', 'name');
    expect(all.stdout.split('\n').sort()).toEqual(
      expect.arrayContaining([
        'deployment.apps/web',
        'service/web',
        'widget.example.io/w1',
      ]),
    );
    expect(all.stdout).not.toContain('configmap/');
    const replicas = await k('explain', 'deployment.spec.replicas');
    expect(replicas.stdout).toContain('FIELD: replicas <integer>');
    expect(replicas.stdout).toContain('Number of desired pods');
    expect((await k('explain', 'configmap')).stdout).toMatch(
      /DESCRIPTION:\s+ConfigMap holds configuration data/,
    );
    expect((await k('explain', 'dynamodbrequest.spec.keySchema')).code).toBe(0);
  }, 60_000);

  it('edits through KUBE_EDITOR and patches with json, merge and strategic patches', async () => {
    process.env.KUBE_EDITOR = `sed -i -e 's/^  a: b$/  a: edited/'`;
    try {
      expect((await k('edit', 'configmap', 'c1')).stdout).toBe(
        'configmap/c1 edited\n',
      );
    } finally {
      delete process.env.KUBE_EDITOR;
    }
    expect(
      (
        await k(
          'patch',
          'configmap',
          'c1',
          '--type',
          'merge',
          '-p',
          '{"data":{"m":"1"}}',
        )
      ).stdout,
    ).toBe('configmap/c1 patched\n');
    expect(
      (
        await k(
          'patch',
          'configmap',
          'c1',
          '--type',
          'json',
          '-p',
          '[{"op":"add","path":"/data/j","value":"2"}]',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await k(
          'patch',
          'configmap',
          'c1',
          '--type',
          'strategic',
          '-p',
          '{"data":{"s":"3"}}',
        )
      ).code,
    ).toBe(0);
    const data = JSON.parse(
      (await k('get', 'configmap', 'c1', '-o', 'jsonpath={.data}')).stdout,
    );
    expect(data).toEqual({ a: 'edited', m: '1', j: '2', s: '3' });
    // Strategic merge: containers merge by name, so the port survives an image change...
    const image = await k(
      'patch',
      'deployment',
      'web',
      '-p',
      '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}}}}',
    );
    expect(image.stdout).toBe('deployment.apps/web patched\n');
    const container = JSON.parse(
      (
        await k(
          'get',
          'deployment',
          'web',
          '-o',
          'jsonpath={.spec.template.spec.containers[0]}',
        )
      ).stdout,
    );
    expect(container).toEqual({
      name: 'nginx',
      image: 'nginx:2',
      ports: [{ containerPort: 8080 }],
    });
    // ...and custom resources refuse it, which kubectl reports in its own words.
    const onWidget = await k(
      'patch',
      'widget',
      'w1',
      '-p',
      '{"spec":{"size":4}}',
    );
    expect(onWidget.stderr).toBe(
      'error: application/strategic-merge-patch+json is not supported by example.io/v1, Kind=Widget: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml\n',
    );
    // A JSON patch that tests a wrong value fails as the apiserver's does.
    const failed = await k(
      'patch',
      'configmap',
      'c1',
      '--type',
      'json',
      '-p',
      '[{"op":"test","path":"/data/a","value":"nope"}]',
    );
    expect(failed.code).not.toBe(0);
    expect(
      (
        await k(
          'patch',
          'configmap',
          'c1',
          '--type',
          'merge',
          '-p',
          '{"data":{"m":"1"}}',
        )
      ).stdout,
    ).toBe('configmap/c1 patched (no change)\n');
  }, 60_000);

  it('scales a Deployment through its scale subresource', async () => {
    expect((await k('scale', 'deployment', 'web', '--replicas=3')).stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(
      (await k('get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'))
        .stdout,
    ).toBe('3');
    const stale = await k(
      'scale',
      'deployment',
      'web',
      '--replicas=1',
      '--current-replicas=2',
    );
    expect(stale.stderr).toBe('error: Expected replicas to be 2, was 3\n');
  }, 30_000);

  it('watches with get --watch and waits on a jsonpath', async () => {
    const watch = watchUntil(
      sandbox,
      ['get', 'configmaps', '--watch', '-o', 'name'],
      'configmap/watched',
    );
    await watch.started; // the initial list has been printed: the watch is open
    await k('create', 'configmap', 'watched', '--from-literal=x=y');
    await expect(watch.output).resolves.toContain('configmap/watched');

    const waiting = k(
      'wait',
      '--for=jsonpath={.data.ready}=yes',
      'configmap/watched',
      '--timeout=15s',
    );
    await k(
      'patch',
      'configmap',
      'watched',
      '--type',
      'merge',
      '-p',
      '{"data":{"ready":"yes"}}',
    );
    expect((await waiting).stdout).toBe('configmap/watched condition met\n');
  }, 60_000);
});
