import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { startUnsupportedMediaTypeStub } from './__testUtils__/kubectlStub';
import {
  api,
  kubectl,
  startTestSandbox,
  WIDGET_CRD,
  type TestSandbox,
} from './__testUtils__/testSandbox';
import { findRepoRoot } from './kubeconfig';

/*
 * What kubectl 1.32 commands get from the sandbox, each checked against what a real API server
 * answers. The sandbox runs with RBAC on: the kubeconfig's default user is a cluster admin (as
 * kubeadm's admin.conf is), `alice` (group `developers`) and `bob` have no rights until bound.
 * What is not supported is listed in the README ("kubectl conformance").
 */

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** The DynamoDBRequest CRD exactly as the example Promise installs it. */
function dynamoDbRequestCrd(): unknown {
  const promise = parse(
    fs.readFileSync(
      path.join(findRepoRoot(), 'examples', 'kratix-promise', 'promise.yaml'),
      'utf8',
    ),
  );
  return promise.spec.api;
}

/** Runs `kubectl ... --watch` until its output contains `until`, then stops it. */
function watchUntil(
  sandbox: TestSandbox,
  args: string[],
  until: string,
): { output: Promise<string>; started: Promise<void> } {
  const child = spawn(
    'kubectl',
    [
      '--kubeconfig',
      sandbox.kubeconfigPath!,
      '--cache-dir',
      path.join(sandbox.tempDir, 'kube-cache'),
      ...args,
    ],
    { env: { ...process.env, HOME: sandbox.tempDir } },
  );
  let text = '';
  let markStarted: () => void;
  const started = new Promise<void>(resolve => {
    markStarted = resolve;
  });
  const output = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`watch saw no "${until}" in: ${text}`));
    }, 20_000);
    child.stdout.on('data', chunk => {
      text += String(chunk);
      markStarted();
      if (text.includes(until)) {
        clearTimeout(timer);
        child.kill();
        resolve(text);
      }
    });
  });
  return { output, started };
}

describe('kubectl conformance', () => {
  let sandbox: TestSandbox;
  const k = (...args: string[]) => kubectl(sandbox, args);

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      controllers: false,
      rbac: true,
      users: { alice: { groups: ['developers'] }, bob: {} },
    });
    const widgets = structuredClone(WIDGET_CRD);
    (widgets.spec.names as any).categories = ['all'];
    for (const crd of [dynamoDbRequestCrd(), widgets]) {
      const created = await api(sandbox, 'POST', CRDS, crd);
      if (created.status !== 201)
        throw new Error(`CRD not created: ${JSON.stringify(created.body)}`);
    }
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

  it('answers auth can-i and whoami from RBAC', async () => {
    expect(
      await k('auth', 'can-i', 'create', 'dynamodbrequests'),
    ).toMatchObject({ code: 0, stdout: 'yes\n' });
    expect(
      await k('--user', 'alice', 'auth', 'can-i', 'create', 'dynamodbrequests'),
    ).toMatchObject({ code: 1, stdout: 'no\n' });
    expect(
      (
        await k(
          '--user',
          'alice',
          'auth',
          'whoami',
          '-o',
          'jsonpath={.status.userInfo.groups}',
        )
      ).stdout,
    ).toBe('["developers","system:authenticated"]');

    expect(
      (
        await k(
          'create',
          'role',
          'cm-reader',
          '--verb=get,list',
          '--resource=configmaps',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await k(
          'create',
          'rolebinding',
          'devs',
          '--role=cm-reader',
          '--group=developers',
        )
      ).code,
    ).toBe(0);
    expect(
      (await k('--user', 'alice', 'get', 'configmap', 'c1', '-o', 'name'))
        .stdout,
    ).toBe('configmap/c1\n');
    expect(
      (await k('--user', 'alice', 'auth', 'can-i', 'get', 'configmaps')).stdout,
    ).toBe('yes\n');
    expect(
      (
        await k(
          '--user',
          'alice',
          'auth',
          'can-i',
          'get',
          'configmaps',
          '-n',
          'team-b',
        )
      ).stdout,
    ).toBe('no\n');
    expect((await k('--user', 'bob', 'get', 'configmaps')).stderr).toBe(
      'Error from server (Forbidden): configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "default"\n',
    );
    const rules = await k('--user', 'alice', 'auth', 'can-i', '--list');
    expect(rules.stdout).toMatch(/configmaps\s+\[\]\s+\[\]\s+\[get list\]/);

    // Impersonation: the admin may, bob may not; --as carries no groups, so alice-as-impersonated
    // has no `developers` rights, as on a real cluster.
    expect(
      (
        await k(
          'auth',
          'can-i',
          'get',
          'configmaps',
          '--as=alice',
          '--as-group=developers',
        )
      ).stdout,
    ).toBe('yes\n');
    expect(
      (await k('auth', 'can-i', 'get', 'configmaps', '--as=alice')).stdout,
    ).toBe('no\n');
    expect(
      (await k('--user', 'bob', 'get', 'configmaps', '--as=alice')).stderr,
    ).toContain(
      'users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope',
    );

    // A ServiceAccount token from `kubectl create token`, bound to a ClusterRole by a RoleBinding.
    const token = (await k('create', 'token', 'robot')).stdout.trim();
    expect(
      (
        await k(
          '--token',
          token,
          'auth',
          'whoami',
          '-o',
          'jsonpath={.status.userInfo.username}',
        )
      ).stdout,
    ).toBe('system:serviceaccount:default:robot');
    expect(
      (
        await k(
          'create',
          'rolebinding',
          'robot-view',
          '--clusterrole=cluster-admin',
          '--serviceaccount=default:robot',
        )
      ).code,
    ).toBe(0);
    expect(
      (await k('--token', token, 'get', 'secret', 's1', '-o', 'name')).stdout,
    ).toBe('secret/s1\n');
    expect((await k('--token', token, 'get', 'namespaces')).stderr).toContain(
      'User "system:serviceaccount:default:robot" cannot list resource "namespaces" in API group "" at the cluster scope',
    );
  }, 90_000);

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
