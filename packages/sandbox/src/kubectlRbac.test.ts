import { startConformanceSandbox } from './__testUtils__/conformanceSandbox';
import { kubectl, type TestSandbox } from './__testUtils__/testSandbox';

/*
 * kubectl's access-control commands against the sandbox with RBAC on (`auth can-i`, `auth
 * whoami`, `create role|rolebinding|token`, `--as`), each checked against what a real API
 * server answers.
 */

describe('kubectl with RBAC', () => {
  let sandbox: TestSandbox;
  const k = (...args: string[]) => kubectl(sandbox, args);

  beforeAll(async () => {
    sandbox = await startConformanceSandbox();
    for (const args of [
      ['create', 'configmap', 'c1', '--from-literal=a=b'],
      ['create', 'secret', 'generic', 's1', '--from-literal=a=b'],
      ['create', 'serviceaccount', 'robot'],
    ]) {
      const created = await kubectl(sandbox, args);
      if (created.code !== 0) throw new Error(created.stderr);
    }
  }, 30_000);

  afterAll(() => sandbox.stop());

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
});
