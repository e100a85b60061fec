import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { findRepoRoot } from '../kubeconfig';
import {
  api,
  startTestSandbox,
  WIDGET_CRD,
  type TestSandbox,
} from './testSandbox';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/**
 * The sandbox the kubectl conformance tests run against: API server only, RBAC on (the
 * kubeconfig's default user is a cluster admin, as kubeadm's admin.conf is; `alice`, in group
 * `developers`, and `bob` have no rights until bound), with the DynamoDBRequest CRD and the
 * Widget CRD in the `all` category.
 */
export async function startConformanceSandbox(): Promise<TestSandbox> {
  const sandbox = await startTestSandbox({
    controllers: false,
    rbac: true,
    users: { alice: { groups: ['developers'] }, bob: {} },
  });
  const widgets = structuredClone(WIDGET_CRD);
  (widgets.spec.names as any).categories = ['all'];
  for (const crd of [dynamoDbRequestCrd(), widgets]) {
    const created = await api(sandbox, 'POST', CRDS, crd);
    if (created.status !== 201) {
      await sandbox.stop();
      throw new Error(`CRD not created: ${JSON.stringify(created.body)}`);
    }
  }
  return sandbox;
}

/** The DynamoDBRequest CRD exactly as the example Promise installs it. */
export function dynamoDbRequestCrd(): unknown {
  const promise = parse(
    fs.readFileSync(
      path.join(findRepoRoot(), 'examples', 'kratix-promise', 'promise.yaml'),
      'utf8',
    ),
  );
  return promise.spec.api;
}

/** Runs `kubectl ... --watch` until its output contains `until`, then stops it. */
export function watchUntil(
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
