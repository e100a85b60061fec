/*
 * The entity provider on a cluster whose kubeconfig user runs an exec credential plugin, as EKS
 * kubeconfigs run `aws eks get-token`: the sandbox's tokens live 2 s. After each of three
 * rotations every connection drops, so the informers must list and watch again, which only a
 * fresh token allows; the entities keep following the cluster all along.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DYNAMODB_REQUEST_GVK,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';
import { readTenancy } from '@kratix-dynamodb/node';
import {
  Sandbox,
  applyDynamoDBPromise,
  startSandbox,
  writeRotatingKubeconfig,
} from '@kratix-dynamodb/sandbox';
import { parse } from 'yaml';
import { CatalogStandIn } from './__testUtils__/CatalogStandIn';
import { sandboxClusters } from './__testUtils__/sandboxClusters';
import { KratixDynamoDBEntityProvider } from './KratixDynamoDBEntityProvider';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const SIMPLE = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../examples/requests/simple.yaml'),
    'utf8',
  ),
);
/** The example request under another name (its table too). */
const requestNamed = (name: string) => ({
  ...SIMPLE,
  metadata: { ...SIMPLE.metadata, name },
  spec: { ...SIMPLE.spec, name },
});
const refOf = (name: string) =>
  entityRefOfClusterObject({
    kind: 'resource',
    cluster: 'sandbox',
    namespace: 'default',
    name,
  });

describe('the entity provider across exec-plugin token rotations', () => {
  let sandbox: Sandbox;
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rotation-'));
  afterAll(async () => {
    await sandbox?.stop();
    fs.rmSync(kubeconfigDir, { recursive: true, force: true });
  });

  it('keeps following the cluster through three 2-second tokens', async () => {
    sandbox = await startSandbox({
      port: 0,
      kubeconfigPath: false,
      createTableMs: 200,
      shortTokenLifetimes: true,
    });
    await applyDynamoDBPromise({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
    });
    const admin = await sandboxClusters(sandbox).clients.forCluster('sandbox');
    const clusters = sandboxClusters(sandbox, {
      kubeconfig: await writeRotatingKubeconfig({
        sandbox,
        dir: kubeconfigDir,
      }),
    });
    const catalog = new CatalogStandIn();
    let fullSync: () => Promise<void> = async () => {};
    const provider = new KratixDynamoDBEntityProvider({
      clusters,
      logger: mockServices.logger.mock(),
      runner: { run: async task => void (fullSync = task.fn as any) },
      tenancy: readTenancy(new ConfigReader({})),
    });
    await provider.connect(catalog);
    await admin.create(DYNAMODB_REQUEST_GVK, requestNamed('before'));
    await catalog.until(10_000, () => catalog.entities.get(refOf('before')));

    for (const round of [1, 2, 3]) {
      // The token the informers started with has expired by now.
      await sleep(2_200);
      sandbox.faults.set({ apiDown: true });
      await sleep(300);
      sandbox.faults.set({ apiDown: false });
      const name = `after-rotation-${round}`;
      await admin.create(DYNAMODB_REQUEST_GVK, requestNamed(name));
      await catalog.until(15_000, () => catalog.entities.get(refOf(name)));
    }

    // The scheduled full sync after the third rotation sees every request, and keeps them.
    const fullBefore = catalog.mutations.filter(m => m.type === 'full').length;
    await fullSync();
    expect(catalog.mutations.filter(m => m.type === 'full')).toHaveLength(
      fullBefore + 1,
    );
    for (const name of [
      'before',
      'after-rotation-1',
      'after-rotation-2',
      'after-rotation-3',
    ])
      expect(catalog.entities.get(refOf(name))).toBeDefined();

    provider.disconnect();
    await clusters.informers.stopAll();
  });
});
