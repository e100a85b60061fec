/*
 * The status route end to end: a real backend (startTestBackend) reading a real cluster (the
 * sandbox, with its Kratix, ACK and KubeVela controllers). Each diagnosis is staged with one
 * of the sandbox's fault settings, the way the broken platform would really look.
 */
import { randomBytes } from 'node:crypto';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Faults, Sandbox, startSandbox } from '@kratix-dynamodb/sandbox';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
  KUBEVELA_APPLICATION_GVK,
  StatusChain,
  StatusStage,
  statusChangedChannel,
} from '@kratix-dynamodb/common';
import { KubernetesClient } from '@kratix-dynamodb/node';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { readRepoYaml, sandboxEntity } from '../__testUtils__/sandboxEntities';

jest.setTimeout(120_000);

const readYaml = readRepoYaml;
const entity = sandboxEntity;

const APP_REF = 'default/component/session-management-app';

const ENTITIES = [
  entity('Resource', 'simple-table', {
    [ANNOTATIONS.request]: 'default/simple-table',
  }),
  // A hostile colleague's catalog-info.yaml, pointing at a table their team does not own.
  {
    ...entity('Resource', 'mallory-view', {
      [ANNOTATIONS.request]: 'default/simple-table',
    }),
    spec: {
      type: 'dynamodb-table',
      owner: 'mallory-team',
      lifecycle: 'production',
    },
  },
  entity('Component', 'session-management-app', {
    [ANNOTATIONS.application]: 'default/session-management-app',
  }),
  // A request of another Promise, as the catalog's kratix-promises provider emits it.
  {
    ...entity('Resource', 'team-assets', {
      [ANNOTATIONS.request]: 'default/team-assets',
      [ANNOTATIONS.promise]: 'object-bucket',
    }),
    spec: { type: 'object-bucket', owner: 'guests', lifecycle: 'production' },
  },
];

type Signal = { channel: string; message: unknown };
type Harness = {
  sandbox: Sandbox;
  kube: KubernetesClient;
  chain: (ref: string, query?: string) => Promise<StatusChain>;
  /** Every signal the backend published, as the signals backend would receive it. */
  signals: Signal[];
  stop: () => Promise<void>;
};

/** Listens where the signals backend listens: the events service's `signals` topic. */
function signalsListener(signals: Signal[]) {
  return createBackendPlugin({
    pluginId: 'signals-listener',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'signals-listener',
            topics: ['signals'],
            onEvent: async event =>
              void signals.push(event.eventPayload as Signal),
          });
        },
      });
    },
  });
}

/** The Secret the session-api reads its token-signing key from, as an operator creates it. */
async function createSessionApiSecret(h: Harness) {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'session-api-auth', namespace: 'default' },
    data: {
      'jwt-secret': Buffer.from(randomBytes(32).toString('hex')).toString(
        'base64',
      ),
    },
  };
  await h.kube.create({ group: '', version: 'v1', kind: 'Secret' }, secret);
}

async function startHarness(
  faults: Faults = {},
  extraConfig: Record<string, unknown> = {},
): Promise<Harness> {
  const sandbox = await startSandbox({
    port: 0,
    kubeconfigPath: false,
    createTableMs: 200,
    faults,
  });
  const kube = new KubernetesClient({
    cluster: 'sandbox',
    connection: {
      server: sandbox.plainHttpUrl,
      headers: { Authorization: `Bearer ${sandbox.token}` },
      rejectUnauthorized: true,
    },
  });
  const signals: Signal[] = [];
  const { server } = await startTestBackend({
    features: [
      kratixDynamoDBPlugin,
      // The real events service, which carries signals to the signals backend in an app.
      eventsServiceFactory,
      signalsListener(signals),
      catalogServiceMock.factory({ entities: ENTITIES }),
      mockServices.rootConfig.factory({
        data: {
          kratixDynamodb: {
            clusters: [
              {
                name: 'sandbox',
                url: sandbox.plainHttpUrl,
                auth: { serviceAccountToken: sandbox.token },
              },
            ],
            status: {
              gracePeriod: { seconds: 1 },
              clusterTimeout: { seconds: 3 },
            },
            // The hand-made entities link to objects in default, which guests own.
            tenancy: { namespaces: { default: ['group:default/guests'] } },
            ...extraConfig,
            health: { cacheTtl: { milliseconds: 0 } },
          },
        },
      }),
    ],
  });
  const chain = async (ref: string, query = '') => {
    const res = await request(server).get(
      `/api/kratix-dynamodb/status/${ref}${query}`,
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(sandbox.token);
    return res.body as StatusChain;
  };
  return { sandbox, kube, chain, signals, stop: () => sandbox.stop() };
}

/** Polls the route until `accept` holds, then returns the chain; fails with the last chain seen. */
async function waitForChain(
  h: Harness,
  ref: string,
  accept: (stages: Record<string, StatusStage>) => boolean,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  let last: StatusChain | undefined;
  while (Date.now() < deadline) {
    last = await h.chain(ref);
    const stages = Object.fromEntries(last.stages.map(s => [s.id, s]));
    if (accept(stages)) return stages;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(
    `chain never matched; last: ${JSON.stringify(
      last?.stages.map(s => [s.id, s.state, s.summary]),
    )}`,
  );
}

async function applyPromise(h: Harness) {
  await h.kube.create(
    KRATIX_PROMISE_GVK,
    readYaml('examples/kratix-promise/promise.yaml'),
  );
}

describe('status chain against the sandbox cluster', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('turns green stage by stage for a table request', async () => {
    h = await startHarness();
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'ok',
    );
    expect(stages.promise.state).toBe('ok');
    expect(stages.request.state).toBe('ok');
    expect(stages.workflow.state).toBe('ok');
    expect(stages.table.summary).toBe('ACTIVE in us-east-1');
    expect(stages.table.links[0].url).toContain(
      'console.aws.amazon.com/dynamodbv2',
    );
    expect(stages.application.state).toBe('skipped');
    expect(stages.health.state).toBe('skipped');

    // The detail tab asks for the objects behind the stages too.
    const withObjects = await h.chain(
      'default/resource/simple-table',
      '?objects=true',
    );
    expect(withObjects.objects?.map(o => `${o.kind}/${o.name}`).sort()).toEqual(
      [
        'DynamoDBRequest/simple-table',
        'Promise/aws-dynamodb-kratix',
        'Table/simple-table',
      ],
    );
    expect(
      (await h.chain('default/resource/simple-table')).objects,
    ).toBeUndefined();
  });

  it('follows a request of another Promise (object-bucket): its Promise, request and workflow; no table', async () => {
    h = await startHarness();
    const ref = 'default/resource/team-assets';
    // Before the Promise is installed its request's kind cannot be known.
    const before = await waitForChain(h, ref, s => s.promise.state === 'error');
    expect(before.promise.summary).toBe(
      'The object-bucket Promise is not installed',
    );
    expect(before.request).toMatchObject({
      state: 'unknown',
      summary:
        'The object-bucket Promise could not be found on the cluster, so the kind of its request default/team-assets is not known',
    });

    const promise = readYaml('examples/bucket-promise/promise.yaml');
    await h.kube.create(KRATIX_PROMISE_GVK, promise);
    const bucketRequests = {
      group: 'storage.kratix.io',
      version: 'v1alpha1',
      kind: 'BucketRequest',
    };
    await waitForChain(h, ref, s => s.promise.state === 'ok');
    const missing = await waitForChain(
      h,
      ref,
      s => s.request.state === 'error',
    );
    expect(missing.request.summary).toBe(
      'BucketRequest default/team-assets does not exist on the cluster',
    );

    await h.kube.create(
      bucketRequests,
      readYaml('examples/bucket-promise/requests/team-assets.yaml'),
    );
    const stages = await waitForChain(h, ref, s => s.workflow.state === 'ok');
    expect(stages.request.state).toBe('ok');
    expect(stages.table).toMatchObject({
      state: 'skipped',
      summary:
        'A BucketRequest makes no DynamoDB table: what its workflow outputs is up to the object-bucket Promise',
    });
    expect(stages.application.state).toBe('skipped');
    expect(stages.health.state).toBe('skipped');
    const withObjects = await h.chain(ref, '?objects=true');
    expect(withObjects.objects?.map(o => `${o.kind}/${o.name}`).sort()).toEqual(
      ['BucketRequest/team-assets', 'Promise/object-bucket'],
    );
  });

  it('signals an open card when its chain changes: the Table turning ACTIVE, then ACK losing its credentials', async () => {
    h = await startHarness();
    const harness = h;
    harness.sandbox.faults.set({ ackNoCredentials: 'no-status' });
    await applyPromise(harness);
    await harness.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    // The card reads the chain once; from then on it waits for signals.
    await waitForChain(
      harness,
      'default/resource/simple-table',
      s => s.workflow.state === 'ok',
    );
    const channel = statusChangedChannel('resource:default/simple-table');
    const signalsOn = () =>
      harness.signals.filter(sig => sig.channel === channel).length;
    const waitForSignal = async (after: number) => {
      const deadline = Date.now() + 5000;
      while (signalsOn() <= after) {
        if (Date.now() > deadline) throw new Error('no signal within 5 s');
        await new Promise(r => setTimeout(r, 50));
      }
    };

    let seen = signalsOn();
    harness.sandbox.faults.set({ ackNoCredentials: false });
    await waitForSignal(seen);
    expect(
      harness.signals.find(sig => sig.channel === channel)?.message,
    ).toEqual({ type: 'status-changed' });
    expect(
      (
        await waitForChain(
          harness,
          'default/resource/simple-table',
          s => s.table.state === 'ok',
          5000,
        )
      ).table.summary,
    ).toMatch(/ACTIVE/);

    seen = signalsOn();
    harness.sandbox.faults.set({ ackNoCredentials: 'recoverable' });
    await waitForSignal(seen);
    const broken = await h.chain('default/resource/simple-table');
    expect(broken.stages.find(st => st.id === 'table')?.summary).toMatch(
      /UnrecognizedClientException/,
    );
    // Nobody viewed this entity: it is not watched, so it gets no signal.
    expect(
      harness.signals.some(
        sig =>
          sig.channel === statusChangedChannel('resource:default/orders-table'),
      ),
    ).toBe(false);
  });

  it('says the stages are stale while the watch is silent, and recovers once it speaks again', async () => {
    h = await startHarness(
      {},
      {
        watch: {
          idleTimeout: { seconds: 1 },
          maxBackoff: { milliseconds: 200 },
        },
      },
    );
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'ok',
    );
    h.sandbox.faults.set({ watchStall: true });
    const stale = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'unknown',
      10_000,
    );
    expect(stale.table.summary).toMatch(
      /^Stale: the backend lost its watch on the cluster at .* \(the watch sent nothing for 1 s\)/,
    );
    expect(stale.request.state).toBe('unknown');
    h.sandbox.faults.set({ watchStall: false });
    await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'ok' && s.request.state === 'ok',
      10_000,
    );
  });

  it('reads nothing for an entity whose annotations point at an object it is not bound to (attack: forged catalog-info.yaml)', async () => {
    h = await startHarness();
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'ok',
    );
    const forged = await h.chain(
      'default/resource/mallory-view',
      '?objects=true',
    );
    expect(forged.stages.every(stage => stage.state === 'unknown')).toBe(true);
    expect(forged.stages[0].summary).toMatch(
      /link to the request default\/simple-table on cluster 'sandbox' is not trusted/,
    );
    expect(forged.stages[0].summary).toMatch(
      /not bound to its owner group:default\/mallory-team/,
    );
    // Not a word of the other team's objects: no manifests, no status, not even whether they exist.
    expect(forged.objects).toEqual([]);
    expect(JSON.stringify(forged)).not.toMatch(/ACTIVE|arn:aws/);
  });

  it('says Kratix is not installed when the Promise API is missing', async () => {
    h = await startHarness({ kratixMissing: true });
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.promise.state === 'error',
    );
    expect(stages.promise.summary).toMatch(/Kratix is not installed/);
  });

  it('notices Kratix going away while the cache watches it', async () => {
    h = await startHarness();
    await applyPromise(h);
    await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.promise.state === 'ok',
    );
    h.sandbox.faults.set({ kratixMissing: true });
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.promise.summary.includes('Kratix is not installed'),
      20_000,
    );
    expect(stages.promise.state).toBe('error');
  });

  it('reports a failing workflow with the pipeline message', async () => {
    h = await startHarness({
      workflowFails: 'the pipeline image could not be pulled',
    });
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.workflow.state === 'error',
    );
    expect(stages.workflow.summary).toMatch(
      /the pipeline image could not be pulled/,
    );
  });

  it('diagnoses an ACK controller that never reconciles (no credentials at start)', async () => {
    h = await startHarness({ ackNoCredentials: 'no-status' });
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'error',
    );
    expect(stages.table.summary).toMatch(/has not reconciled this Table/);
    expect(stages.table.hint).toMatch(/no AWS credentials/);
  });

  it('reports ACK.Recoverable with the AWS message when the credentials are invalid', async () => {
    h = await startHarness({ ackNoCredentials: 'recoverable' });
    await applyPromise(h);
    await h.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    const stages = await waitForChain(
      h,
      'default/resource/simple-table',
      s => s.table.state === 'error',
    );
    expect(stages.table.summary).toMatch(/UnrecognizedClientException/);
    expect(stages.table.hint).toMatch(/valid AWS credentials/);
  });

  it('reports a cluster that does not answer as unknown, within the timeout', async () => {
    h = await startHarness({ apiDown: true });
    const started = Date.now();
    const chain = await h.chain('default/resource/simple-table');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(chain.stages.find(s => s.id === 'promise')).toMatchObject({
      state: 'unknown',
      summary: expect.stringMatching(/Could not read the cluster/),
    });
  });

  it('follows the session app to a healthy service', async () => {
    h = await startHarness();
    await applyPromise(h);
    await createSessionApiSecret(h);
    await h.kube.create(
      KUBEVELA_APPLICATION_GVK,
      readYaml('examples/kubevela/session-management-app.yaml'),
    );
    const green = await waitForChain(
      h,
      APP_REF,
      s =>
        s.health.state === 'ok' &&
        s.application.state === 'ok' &&
        s.table.state === 'ok',
      90_000,
    );
    expect(green.health.summary).toBe('/health 200, /ready 200');
    expect(green.application.summary).toMatch(/session-api Ready:1\/1/);
  });

  it('shows an unhealthy app and a failing /ready when the service cannot reach its table', async () => {
    h = await startHarness();
    await applyPromise(h);
    const app = readYaml('examples/kubevela/session-management-app.yaml');
    // The service looks for a table that was never requested, so /ready answers 503.
    const service = app.spec.components.find(
      (c: { type: string }) => c.type === 'webservice',
    );
    service.properties.env = service.properties.env.map(
      (e: { name: string; value: string }) =>
        e.name === 'DYNAMODB_TABLE_NAME' ? { ...e, value: 'no-such-table' } : e,
    );
    await createSessionApiSecret(h);
    await h.kube.create(KUBEVELA_APPLICATION_GVK, app);
    const broken = await waitForChain(
      h,
      APP_REF,
      s => s.health.state === 'error' && s.table.state === 'ok',
      90_000,
    );
    // Kubernetes takes a pod that fails its readiness probe out of the Service, so the proxy
    // reaches neither endpoint.
    expect(broken.health.summary).toBe(
      'No ready pod behind the service session-api',
    );
    expect(broken.health.hint).toMatch(/readiness probe/);
    expect(broken.application.state).not.toBe('ok');
    expect(broken.application.details?.['service session-api']).toBe(
      'Ready:0/1',
    );
  });
});

describe('status chain in bounded mode (more objects than kratixDynamodb.cache.fullCacheLimit)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('answers from per-object watches, follows a change live, and closes the least recently read watches beyond the LRU', async () => {
    h = await startHarness(
      {},
      { cache: { fullCacheLimit: 0, boundedWatches: 3 } },
    );
    const harness = h;
    const metrics = async () =>
      (
        await fetch(`${harness.sandbox.plainHttpUrl}/sandbox/metrics`, {
          headers: { Authorization: `Bearer ${harness.sandbox.token}` },
        })
      ).json();
    const eventuallyWatches = async (n: number) => {
      const deadline = Date.now() + 5000;
      while ((await metrics()).openWatches !== n) {
        if (Date.now() > deadline)
          throw new Error(`not ${n} open watches within 5 s`);
        await new Promise(r => setTimeout(r, 50));
      }
    };
    await applyPromise(harness);
    await harness.kube.create(
      DYNAMODB_REQUEST_GVK,
      readYaml('examples/requests/simple.yaml'),
    );
    const green = await waitForChain(
      harness,
      'default/resource/simple-table',
      s => s.table.state === 'ok',
    );
    expect(green.request.state).toBe('ok');
    // The Promise, the request and its Table: one small watch each, nothing else.
    await eventuallyWatches(3);

    await createSessionApiSecret(harness);
    await harness.kube.create(
      KUBEVELA_APPLICATION_GVK,
      readYaml('examples/kubevela/session-management-app.yaml'),
    );
    const app = await waitForChain(
      harness,
      APP_REF,
      s => s.request.state === 'ok' && s.application.state !== 'unknown',
    );
    expect(app.request.summary).not.toMatch(/not found/i);
    // The app's Application, request and Table pushed the simple table's watches out.
    await eventuallyWatches(3);
    expect((await metrics()).requests.byVerb.watch).toBeGreaterThanOrEqual(6);

    // Read again, the simple table's chain opens fresh watches, and sees a change live.
    await waitForChain(
      harness,
      'default/resource/simple-table',
      s => s.request.state === 'ok',
    );
    const deleted = Date.now();
    await harness.kube.delete(DYNAMODB_REQUEST_GVK, 'default', 'simple-table');
    await waitForChain(
      harness,
      'default/resource/simple-table',
      s => s.request.state !== 'ok',
      2000,
    );
    expect(Date.now() - deleted).toBeLessThan(2000);
    await eventuallyWatches(3);
  });
});
