import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { startConformanceSandbox } from './__testUtils__/conformanceSandbox';
import { kubectl, type TestSandbox } from './__testUtils__/testSandbox';
import { findRepoRoot } from './kubeconfig';
import { SANDBOX_PACKAGE_DIR } from './packageDir';
import { readmeClusterRole } from './seed/readmeClusterRole';

/*
 * The manifests in deploy/ (the sample backend on a real cluster): kubectl accepts them in a
 * server-side dry run, applies them, and the ClusterRole gives the backend's ServiceAccount
 * what the plugins do and nothing else. The sandbox runs no containers, so the pods themselves
 * are out of reach here.
 */

const deployDir = path.join(findRepoRoot(), 'deploy');
const serviceAccount = 'system:serviceaccount:backstage:backstage';

function manifests(): any[] {
  return fs
    .readdirSync(deployDir)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .flatMap(f =>
      parseAllDocuments(fs.readFileSync(path.join(deployDir, f), 'utf8')).map(
        d => d.toJS(),
      ),
    );
}

function byKind(kind: string): any {
  const found = manifests().filter(m => m.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('deploy/ manifests', () => {
  let sandbox: TestSandbox;
  const k = (...args: string[]) => kubectl(sandbox, args);

  beforeAll(async () => {
    sandbox = await startConformanceSandbox();
    // The kinds of Kratix, ACK and KubeVela, so kubectl resolves their groups for can-i.
    const crds = path.join(SANDBOX_PACKAGE_DIR, 'crds');
    for (const file of [
      'kratix-promises.yaml',
      'ack-dynamodb-tables.yaml',
      'kubevela-applications.yaml',
    ]) {
      const installed = await kubectl(sandbox, [
        'apply',
        '-f',
        path.join(crds, file),
      ]);
      if (installed.code !== 0) throw new Error(installed.stderr);
    }
  }, 30_000);

  afterAll(() => sandbox.stop());

  it('are accepted by a server-side dry run, which stores nothing', async () => {
    // As on a real API server, a dry run of a namespace does not create it, so the namespaced
    // objects of the same dry run would find it missing.
    expect(
      (await k('apply', '-f', path.join(deployDir, '00-namespace.yaml'))).code,
    ).toBe(0);

    const dryRun = await k('apply', '--dry-run=server', '-f', deployDir);
    expect(dryRun.stderr).toBe('');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout.trim().split('\n').sort()).toEqual([
      'clusterrole.rbac.authorization.k8s.io/backstage-kratix-dynamodb created (server dry run)',
      'clusterrolebinding.rbac.authorization.k8s.io/backstage-kratix-dynamodb created (server dry run)',
      'deployment.apps/backstage created (server dry run)',
      'namespace/backstage unchanged (server dry run)',
      'poddisruptionbudget.policy/backstage created (server dry run)',
      'secret/backstage-database created (server dry run)',
      'service/backstage created (server dry run)',
      'serviceaccount/backstage created (server dry run)',
    ]);

    const stored = await k(
      'get',
      'deployments,services,poddisruptionbudgets,serviceaccounts,secrets',
      '-n',
      'backstage',
    );
    expect(stored.stderr).toContain('No resources found');
  }, 60_000);

  it('apply, and give the ServiceAccount exactly what the plugins use', async () => {
    const applied = await k('apply', '-f', deployDir);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);

    const canI = async (...args: string[]) =>
      (
        await k(
          'auth',
          'can-i',
          ...args,
          '--as',
          serviceAccount,
          '-n',
          'team-a',
        )
      ).stdout.trim();
    const allowed = [
      ['watch', 'promises.platform.kratix.io'],
      ['create', 'dynamodbrequests.dynamodb.kratix.io'],
      ['get', 'dynamodbrequests.dynamodb.kratix.io'],
      ['list', 'tables.dynamodb.services.k8s.aws'],
      ['create', 'applications.core.oam.dev'],
      ['get', 'services', '--subresource=proxy'],
      // Only the Application's own Service is probed, which needs reading its labels first.
      ['get', 'services'],
    ];
    const denied = [
      ['delete', 'dynamodbrequests.dynamodb.kratix.io'],
      ['patch', 'dynamodbrequests.dynamodb.kratix.io'],
      ['get', 'tables.dynamodb.services.k8s.aws'],
      ['create', 'tables.dynamodb.services.k8s.aws'],
      ['delete', 'applications.core.oam.dev'],
      ['list', 'services'],
      ['get', 'secrets'],
      ['list', 'pods'],
    ];
    for (const args of allowed)
      expect([args, await canI(...args)]).toEqual([args, 'yes']);
    for (const args of denied)
      expect([args, await canI(...args)]).toEqual([args, 'no']);
  }, 60_000);

  it('hold together: names, selectors, probes and secret keys agree', () => {
    const deployment = byKind('Deployment');
    const pod = deployment.spec.template;
    const podLabels = pod.metadata.labels;
    expect(deployment.spec.replicas).toBe(2);
    expect(podLabels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(podLabels).toMatchObject(byKind('Service').spec.selector);
    expect(podLabels).toMatchObject(
      byKind('PodDisruptionBudget').spec.selector.matchLabels,
    );
    expect(byKind('PodDisruptionBudget').spec.minAvailable).toBe(1);

    const account = byKind('ServiceAccount');
    expect(pod.spec.serviceAccountName).toBe(account.metadata.name);
    expect(byKind('ClusterRoleBinding').subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: account.metadata.name,
        namespace: account.metadata.namespace,
      },
    ]);
    expect(byKind('ClusterRoleBinding').roleRef.name).toBe(
      byKind('ClusterRole').metadata.name,
    );
    // The README's "Using real clusters" documents this very role (and tests take it apart).
    expect(byKind('ClusterRole')).toEqual(readmeClusterRole());

    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    const [container] = pod.spec.containers;
    expect(container.readinessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    const secret = byKind('Secret');
    for (const env of container.env.filter((e: any) => e.valueFrom)) {
      expect(env.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData)).toContain(
        env.valueFrom.secretKeyRef.key,
      );
    }
  });
});
