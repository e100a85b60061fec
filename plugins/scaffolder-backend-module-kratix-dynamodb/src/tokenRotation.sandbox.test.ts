/*
 * The create action on a cluster whose kubeconfig user runs an exec credential plugin, as EKS
 * kubeconfigs run `aws eks get-token`: the sandbox's tokens live 2 s, so each create below runs
 * with a token minted after the previous one expired, and the create after the third rotation
 * must still succeed (a client that kept its first token would be refused).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DYNAMODB_REQUEST_GVK } from '@kratix-dynamodb/common';
import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { writeRotatingKubeconfig } from '@kratix-dynamodb/sandbox';
import { createKratixDynamoDBActions } from './actions';
import { actionContext } from './__testUtils__/actionTestKit';
import { tableActionInput } from './__testUtils__/actionInputs';
import {
  SandboxActions,
  startSandboxForActions,
} from './__testUtils__/sandboxActions';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('the create action across exec-plugin token rotations', () => {
  let harness: SandboxActions;
  const kubeconfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rotation-'));
  afterAll(async () => {
    await harness?.sandbox.stop();
    fs.rmSync(kubeconfigDir, { recursive: true, force: true });
  });

  it('creates after each of three 2-second tokens expired', async () => {
    harness = await startSandboxForActions({ shortTokenLifetimes: true });
    const kubeconfig = await writeRotatingKubeconfig({
      sandbox: harness.sandbox,
      dir: kubeconfigDir,
    });
    const clients = new ClusterClientFactory([
      {
        name: 'sandbox',
        auth: { type: 'kubeconfig', path: kubeconfig },
        skipTLSVerify: false,
      },
    ]);
    const [createRequest] = createKratixDynamoDBActions({
      ...harness.deps(),
      clients,
    });
    const create = async (name: string) => {
      const run = actionContext(
        tableActionInput({
          namespace: 'default',
          name,
          tableName: `default-${name}`,
        }),
      );
      await createRequest.handler(run.ctx);
      return run.outputs().uid;
    };

    expect(await create('first')).toBeDefined();
    for (const round of [1, 2, 3]) {
      // The token the last create used has expired by now.
      await sleep(2_200);
      const uid = await create(`after-rotation-${round}`);
      const created = await harness.client.get(
        DYNAMODB_REQUEST_GVK,
        'default',
        `after-rotation-${round}`,
      );
      expect(created?.metadata.uid).toBe(uid);
    }
  });
});
