/*
 * The status route on a cluster whose kubeconfig user runs an exec credential plugin, as EKS
 * kubeconfigs run `aws eks get-token`: the sandbox's tokens live 2 s, so a read of 7 s spans
 * three of them, and a backend that kept its first token would be refused from then on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  DYNAMODB_REQUEST_GVK,
  KRATIX_PROMISE_GVK,
  StatusChain,
} from '@kratix-dynamodb/common';
import {
  Sandbox,
  startSandbox,
  writeRotatingKubeconfig,
} from '@kratix-dynamodb/sandbox';
import request from 'supertest';
import { kratixDynamoDBPlugin } from '../plugin';
import { sandboxAdminClient } from '../__testUtils__/sandboxAdminClient';
import { readRepoYaml, sandboxEntity } from '../__testUtils__/sandboxEntities';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('the status route across exec-plugin token rotations', () => {
  let sandbox: Sandbox;
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rotation-'));
  afterAll(async () => {
    await sandbox?.stop();
    fs.rmSync(kubeconfigDir, { recursive: true, force: true });
  });

  it('keeps reading, and sees new objects, through three 2-second tokens', async () => {
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      createTableMs: 200,
      shortTokenLifetimes: true,
    });
    const admin = sandboxAdminClient(sandbox);
    await admin.create(
      KRATIX_PROMISE_GVK,
      readRepoYaml('examples/kratix-promise/promise.yaml'),
    );
    const kubeconfig = await writeRotatingKubeconfig({
      sandbox,
      dir: kubeconfigDir,
    });
    const { server } = await startTestBackend({
      features: [
        kratixDynamoDBPlugin,
        catalogServiceMock.factory({
          entities: [
            sandboxEntity('Resource', 'simple-table', {
              [ANNOTATIONS.request]: 'default/simple-table',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kratixDynamodb: {
              clusters: [
                { name: 'sandbox', auth: { kubeconfig: { path: kubeconfig } } },
              ],
              status: { gracePeriodSeconds: 1, clusterTimeoutMs: 5000 },
              watch: { maxBackoff: { milliseconds: 300 } },
              tenancy: { namespaces: { default: ['group:default/guests'] } },
            },
          },
        }),
      ],
    });
    const stages = async () => {
      const res = await request(server).get(
        '/api/kratix-dynamodb/status/default/resource/simple-table',
      );
      expect(res.status).toBe(200);
      return Object.fromEntries(
        (res.body as StatusChain).stages.map(s => [s.id, s]),
      );
    };

    // The first read starts the informers with the first token.
    expect((await stages()).promise.state).toBe('ok');
    const started = Date.now();
    let reads = 0;
    while (Date.now() - started < 7_000) {
      expect((await stages()).promise.state).toBe('ok');
      reads++;
      await sleep(300);
    }
    expect(reads).toBeGreaterThan(0);

    // Three tokens later, every connection drops: the informers must list and watch again,
    // which only a fresh token allows (a copied first token would get 401 from here on).
    sandbox.faults.set({ apiDown: true });
    await sleep(300);
    sandbox.faults.set({ apiDown: false });

    // The informers list and watch again, each time through a freshly spawned plugin; on a
    // loaded machine the first try can still meet the dropped connections, so the chain may say
    // Stale for a moment. It must come back on its own (the watch retries every 300 ms at most).
    for (let i = 0; ; i++) {
      const summary = (await stages()).request.summary;
      if (/does not exist/.test(summary)) break;
      if (i > 60) throw new Error(`the watch never came back: ${summary}`);
      await sleep(250);
    }

    // After the rotations, an object created now still reaches the chain.
    await admin.create(
      DYNAMODB_REQUEST_GVK,
      readRepoYaml('examples/requests/simple.yaml'),
    );
    for (let i = 0; ; i++) {
      const now = await stages();
      if (
        now.promise.state === 'ok' &&
        !/does not exist|Stale|Could not read/.test(now.request.summary)
      )
        break;
      if (i > 60)
        throw new Error(`never saw the request: ${now.request.summary}`);
      await sleep(250);
    }
  });
});
