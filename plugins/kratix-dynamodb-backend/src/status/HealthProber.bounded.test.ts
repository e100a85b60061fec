/*
 * A tenant's app is the tenant's code. These tests run a hostile one in the sandbox (a local
 * process behind a real Service, reached through the service proxy like every probe) and check
 * that probing it costs the backend bounded time, memory and connections.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '@kratix-dynamodb/sandbox';
import { ClusterClientFactory, KubernetesClient } from '@kratix-dynamodb/node';
import { HealthProber, ProbeTarget } from './HealthProber';
import { SERVICE_GVK } from './serviceOfApplication';

jest.setTimeout(60_000);

/** `/ready` streams 16 KB chunks forever; `/trickle` sends a byte every 100 ms forever; `/stats` counts. */
const HOSTILE_APP = `
const http = require('node:http');
const hits = {};
http.createServer((req, res) => {
  hits[req.url] = (hits[req.url] ?? 0) + 1;
  if (req.url === '/healthz') return res.end('ok');
  if (req.url === '/stats') return res.end(JSON.stringify(hits));
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  const chunk = Buffer.alloc(req.url === '/ready' ? 16384 : 1, 'x');
  const timer = setInterval(() => res.write(chunk), req.url === '/ready' ? 1 : 100);
  res.on('close', () => clearInterval(timer));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const TIMEOUT_MS = 1000;

describe('health probes against an app that never stops answering', () => {
  let sandbox: Sandbox;
  let client: KubernetesClient;
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  const target = (probePath: string, service = 'hostile'): ProbeTarget => ({
    cluster: 'sandbox',
    namespace: 'default',
    application: 'hostile-app',
    service,
    port: 8080,
    path: probePath,
  });
  const prober = (ttlMs: number) =>
    new HealthProber(
      { forCluster: async () => client } as unknown as ClusterClientFactory,
      { ttlMs, timeoutMs: TIMEOUT_MS },
    );
  const hits = async (): Promise<Record<string, number>> =>
    JSON.parse(
      (await client.proxyGet('default', 'hostile', 8080, '/stats', 5000)).body,
    );

  beforeAll(async () => {
    const script = path.join(appDir, 'app.js');
    fs.writeFileSync(script, HOSTILE_APP);
    sandbox = await startSandbox({
      port: 0,
      dynamodbPort: 0,
      kubeconfigPath: false,
      localImages: {
        'hostile:latest': { command: process.execPath, args: [script] },
      },
    });
    client = new KubernetesClient({
      cluster: 'sandbox',
      connection: {
        server: sandbox.plainHttpUrl,
        headers: { Authorization: `Bearer ${sandbox.token}` },
        rejectUnauthorized: true,
      },
    });
    const labels = { app: 'hostile' };
    await client.create(
      { group: 'apps', version: 'v1', kind: 'Deployment' },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'hostile', namespace: 'default' },
        spec: {
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'hostile:latest',
                  ports: [{ containerPort: 8080 }],
                  readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
                },
              ],
            },
          },
        },
      },
    );
    // As KubeVela renders it for the component `hostile` of the Application `hostile-app`,
    // and two look-alikes in the same namespace in front of the same pods: one made by hand,
    // one that KubeVela made for another Application's component of the same name.
    const service = (name: string, serviceLabels: Record<string, string>) =>
      client.create(SERVICE_GVK, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'default', labels: serviceLabels },
        spec: { selector: labels, ports: [{ port: 8080, targetPort: 8080 }] },
      });
    await service('hostile', {
      'app.oam.dev/name': 'hostile-app',
      'app.oam.dev/component': 'hostile',
    });
    await service('bystander', { app: 'bystander' });
    await service('neighbour', {
      'app.oam.dev/name': 'other-app',
      'app.oam.dev/component': 'neighbour',
    });
    for (let i = 0; ; i++) {
      if (
        (await client.proxyGet('default', 'hostile', 8080, '/healthz', 2000))
          .status === 200
      )
        break;
      if (i > 100) throw new Error('the hostile app never became ready');
      await sleep(100);
    }
  });
  afterAll(async () => {
    await sandbox?.stop();
    fs.rmSync(appDir, { recursive: true, force: true });
  });

  it('stops reading an endless /ready at 64 KB, within the deadline, without holding the stream in memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const result = await Promise.race([
        prober(0).probe(target('/ready')),
        sleep(TIMEOUT_MS + 5000).then(() => 'still reading'),
      ]);
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/answer larger than 65536 bytes/),
      });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    }
    // Five endless streams, each cut at 64 KB: the heap has no room to have kept them.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(
      32 * 1024 * 1024,
    );
  });

  it('gives up on a /ready that trickles a byte at a time when the total deadline passes', async () => {
    const started = Date.now();
    const result = await Promise.race([
      prober(0).probe(target('/trickle')),
      sleep(TIMEOUT_MS + 5000).then(() => 'still reading'),
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no complete answer within 1000 ms/),
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
  });

  it('keeps one probe in flight per target, however often the card asks and however short the cache', async () => {
    const health = prober(10);
    const before = (await hits())['/trickle'] ?? 0;
    const probes = [];
    for (let i = 0; i < 5; i++) {
      probes.push(health.probe(target('/trickle')));
      await sleep(100);
    }
    await Promise.all(probes);
    expect(((await hits())['/trickle'] ?? 0) - before).toBe(1);
  });

  it("never probes a Service in the namespace that KubeVela did not make for the Application's component", async () => {
    const before = await hits();
    for (const service of ['bystander', 'neighbour', 'missing']) {
      const result = await prober(0).probe(target('/bystander', service));
      expect(result).toMatchObject({
        ok: false,
        notProbed: expect.stringMatching(
          service === 'missing'
            ? /no Service default\/missing/
            : new RegExp(
                `Service default/${service} was not made by KubeVela for the Application hostile-app`,
              ),
        ),
      });
    }
    // The pods behind both look-alikes never saw the request.
    expect((await hits())['/bystander']).toBe(before['/bystander']);
    // The Application's own Service is probed as before.
    await prober(0).probe(target('/bystander'));
    expect((await hits())['/bystander']).toBe((before['/bystander'] ?? 0) + 1);
  });
});
