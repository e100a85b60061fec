/*
 * What real clusters do to a client, played by the sandbox: tokens that expire and are minted by
 * an exec plugin (as `aws eks get-token` does), a server under a path prefix (Rancher), a watch
 * that goes silent without closing, and RBAC that lets a service account list but not watch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import {
  startSandbox,
  writeExecKubeconfig,
  type Sandbox,
  type SandboxOptions,
} from '@kratix-dynamodb/sandbox';
import { ClusterClientFactory } from './ClusterClientFactory';
import { ClusterConfig } from './clusterConfig';
import { ObjectInformer } from './informers/ObjectInformer';
import { KubernetesClient } from './KubernetesClient';

jest.setTimeout(60_000);

const CONFIG_MAP = { group: '', version: 'v1', kind: 'ConfigMap' };
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function eventually<T>(
  read: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

type Harness = {
  sandbox: Sandbox;
  dir: string;
  call(
    method: string,
    apiPath: string,
    body?: unknown,
    token?: string,
  ): Promise<Response>;
  clientOf(
    cluster: Omit<ClusterConfig, 'name' | 'skipTLSVerify'>,
  ): Promise<KubernetesClient>;
  stop(): Promise<void>;
};

async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-clusters-'));
  const sandbox = await startSandbox({
    port: 0,
    dynamodbPort: 0,
    kubeconfigPath: false,
    controllers: false,
    ...options,
  });
  const call = (
    method: string,
    apiPath: string,
    body?: unknown,
    token = sandbox.token,
  ) =>
    fetch(`${sandbox.plainHttpUrl}${apiPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    sandbox,
    dir,
    call,
    clientOf: cluster =>
      new ClusterClientFactory(
        [{ name: 'c', skipTLSVerify: false, ...cluster }],
        { backoffMs: 10 },
      ).forCluster('c'),
    stop: async () => {
      await sandbox.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A client whose kubeconfig runs the sandbox's exec plugin for `default/backstage`, with tokens
 * that live 2 s (the harness must run with `shortTokenLifetimes`).
 */
async function clientWithExecPlugin(
  harness: Harness,
): Promise<KubernetesClient> {
  const account = await harness.call(
    'POST',
    '/api/v1/namespaces/default/serviceaccounts',
    { metadata: { name: 'backstage' } },
  );
  expect(account.status).toBe(201);
  const kubeconfig = writeExecKubeconfig({
    sandbox: harness.sandbox,
    path: path.join(harness.dir, 'kubeconfig'),
    serviceAccount: 'default/backstage',
    expirationSeconds: 2,
  });
  return harness.clientOf({ auth: { type: 'kubeconfig', path: kubeconfig } });
}

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { a: '1' },
});

describe('real-cluster behaviour, against the sandbox', () => {
  let h: Harness | undefined;
  const informers: ObjectInformer[] = [];
  const inform = (
    client: KubernetesClient,
    options: ConstructorParameters<typeof ObjectInformer>[3],
  ) => {
    const logger = mockServices.logger.mock();
    const informer = new ObjectInformer(client, CONFIG_MAP, logger, options);
    informers.push(informer);
    return { informer, logger };
  };
  afterEach(async () => {
    informers.splice(0).forEach(i => i.stop());
    await h?.stop();
    h = undefined;
  });

  it('keeps working across three token expiries with an exec plugin, where a token read once stops working', async () => {
    h = await startHarness({ shortTokenLifetimes: true });
    const harness = h;
    const client = await clientWithExecPlugin(harness);
    // The informer reconnects every second, so each new watch and list needs a live token too.
    const { informer } = inform(client, {
      watchTimeoutSeconds: 1,
      maxBackoffMs: 200,
    });
    expect(await informer.waitForFirstSync(10_000)).toEqual({ kind: 'synced' });

    // A token minted once, as a client that copies the Authorization header would keep it.
    const minted = await harness.call(
      'POST',
      '/api/v1/namespaces/default/serviceaccounts/backstage/token',
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 2 },
      },
    );
    const fixed = new KubernetesClient({
      cluster: 'fixed',
      connection: {
        server: harness.sandbox.plainHttpUrl,
        headers: {
          Authorization: `Bearer ${(await minted.json()).status.token}`,
        },
        rejectUnauthorized: true,
      },
    });

    const started = Date.now();
    let calls = 0;
    while (Date.now() - started < 7_000) {
      await client.list(CONFIG_MAP, { namespace: 'default' });
      calls++;
      await sleep(250);
    }
    expect(calls).toBeGreaterThan(15);
    await expect(
      fixed.list(CONFIG_MAP, { namespace: 'default' }),
    ).rejects.toBeInstanceOf(AuthenticationError);

    // The watch, re-opened with fresh tokens all along, still delivers.
    await harness.call(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      configMap('after-rotations'),
    );
    await eventually(() => informer.get('default', 'after-rotations'));
    expect(informer.state.kind).toBe('synced');
  });

  it('runs the exec plugin once, not once per request, when many requests find the token expired together', async () => {
    h = await startHarness({ shortTokenLifetimes: true });
    const harness = h;
    const client = await clientWithExecPlugin(harness);
    // Each run of the plugin is one TokenRequest (a create on serviceaccounts/token).
    const tokenRequests = () =>
      harness.sandbox.requestCounts().byResource.serviceaccounts?.create ?? 0;
    await client.list(CONFIG_MAP, { namespace: 'default' });
    // The sandbox rounds a token's expiry up to the second and the plugin reports it a quarter
    // early: a token minted by that list is expired for the client 2.25 s later at the latest.
    await sleep(2_500);

    const before = tokenRequests();
    const lists = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.list(CONFIG_MAP, { namespace: 'default' }),
      ),
    );
    expect(lists).toHaveLength(10);
    expect(tokenRequests() - before).toBe(1);
  });

  it('reaches a server under a path prefix, for requests and watches', async () => {
    h = await startHarness({ pathPrefix: '/k8s/clusters/c-1' });
    const harness = h;
    // The sandbox's URLs carry the prefix, as a Rancher cluster URL does.
    expect(harness.sandbox.plainHttpUrl).toMatch(/\/k8s\/clusters\/c-1$/);
    const client = await harness.clientOf({
      url: harness.sandbox.plainHttpUrl,
      auth: {
        type: 'provider',
        provider: 'serviceAccount',
        metadata: { serviceAccountToken: harness.sandbox.token },
      },
    });
    const { informer } = inform(client, {});
    expect(await informer.waitForFirstSync(10_000)).toEqual({ kind: 'synced' });
    await harness.call(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      configMap('prefixed'),
    );
    await eventually(() => informer.get('default', 'prefixed'));
    expect(
      (await client.get(CONFIG_MAP, 'default', 'prefixed'))?.metadata.name,
    ).toBe('prefixed');
  });

  it('notices a watch that falls silent within the idle timeout, says it is stale, and recovers', async () => {
    h = await startHarness();
    const harness = h;
    const client = await harness.clientOf({
      url: harness.sandbox.plainHttpUrl,
      auth: {
        type: 'provider',
        provider: 'serviceAccount',
        metadata: { serviceAccountToken: harness.sandbox.token },
      },
    });
    const { informer } = inform(client, {
      idleTimeoutMs: 1000,
      maxBackoffMs: 200,
    });
    await informer.waitForFirstSync(10_000);
    await sleep(200); // the first bookmark arrives and arms the idle timer on a healthy watch

    harness.sandbox.faults.set({ watchStall: true });
    await harness.call(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      configMap('during-stall'),
    );
    const started = Date.now();
    const stale = await eventually(
      () => (informer.state.kind === 'stale' ? informer.state : undefined),
      5000,
    );
    expect(Date.now() - started).toBeLessThan(2500);
    expect(stale.message).toMatch(/sent nothing for 1 s/);
    expect(informer.get('default', 'during-stall')).toBeUndefined();

    harness.sandbox.faults.set({ watchStall: false });
    await eventually(() => informer.get('default', 'during-stall'), 5000);
    await eventually(() => informer.state.kind === 'synced');
    expect(informer.counters.idleRestarts).toBeGreaterThanOrEqual(1);
  });

  it('backs off when it may list but not watch, and says why, instead of looping', async () => {
    h = await startHarness({
      rbac: true,
      users: { lister: { groups: ['listers'] } },
    });
    const harness = h;
    const admin = (apiPath: string, body: unknown) =>
      harness.call('POST', apiPath, body);
    await admin('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      metadata: { name: 'configmap-lister' },
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
      ],
    });
    await admin('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      metadata: { name: 'listers' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'configmap-lister',
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: 'listers',
        },
      ],
    });
    const client = await harness.clientOf({
      url: harness.sandbox.plainHttpUrl,
      auth: {
        type: 'provider',
        provider: 'serviceAccount',
        metadata: { serviceAccountToken: harness.sandbox.userTokens.lister },
      },
    });
    const before =
      harness.sandbox.requestCounts().byResource.configmaps?.watch ?? 0;
    const { informer, logger } = inform(client, { maxBackoffMs: 2000 });
    expect(await informer.waitForFirstSync(10_000)).toEqual({ kind: 'synced' });
    await sleep(4000);
    const watches =
      (harness.sandbox.requestCounts().byResource.configmaps?.watch ?? 0) -
      before;
    // 0.5 s, 1 s, 2 s, 2 s...: a handful of tries in 4 s, not hundreds.
    expect(watches).toBeGreaterThanOrEqual(2);
    expect(watches).toBeLessThanOrEqual(5);
    expect(informer.state).toMatchObject({
      kind: 'stale',
      message: expect.stringMatching(/403/),
    });
    expect(informer.counters.watchErrors).toBe(watches);
    expect(
      (logger.warn as jest.Mock).mock.calls.some(
        ([m]) => /403/.test(m) && /retrying in/.test(m),
      ),
    ).toBe(true);
  });
});
