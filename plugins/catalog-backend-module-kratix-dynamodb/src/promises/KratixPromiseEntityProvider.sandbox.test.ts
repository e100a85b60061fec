import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { entityRefOfClusterObject } from '@kratix-dynamodb/common';
import { KratixClustersService } from '@kratix-dynamodb/node';
import {
  Sandbox,
  applyDynamoDBPromise,
  startSandbox,
} from '@kratix-dynamodb/sandbox';
import { CatalogStandIn } from '../__testUtils__/CatalogStandIn';
import { sandboxClusters } from '../__testUtils__/sandboxClusters';
import { KratixPromiseEntityProvider } from './KratixPromiseEntityProvider';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../../..');
const TEMPLATE = 'template:default/sandbox-object-bucket';

describe('KratixPromiseEntityProvider against the sandbox cluster', () => {
  let sandbox: Sandbox;
  let tempDir: string;
  let clusters: KratixClustersService;
  let provider: KratixPromiseEntityProvider;
  const catalog = new CatalogStandIn();

  const kubectl = (...args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        'kubectl',
        [
          `--kubeconfig=${sandbox.kubeconfigPath}`,
          `--cache-dir=${path.join(tempDir, 'cache')}`,
          ...args,
        ],
        { cwd: repoRoot },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr || error.message)) : resolve(stdout),
      ),
    );

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promise-provider-'));
    sandbox = await startSandbox({
      port: 0,
      dynamodbPort: 0,
      kubeconfigPath: path.join(tempDir, 'kubeconfig'),
    });
    await applyDynamoDBPromise({
      url: sandbox.plainHttpUrl,
      token: sandbox.token,
    });
    clusters = sandboxClusters(sandbox);
    let fullSync: (() => Promise<void>) | undefined;
    provider = new KratixPromiseEntityProvider({
      clusters,
      logger: mockServices.logger.mock(),
      runner: { run: async task => void (fullSync = task.fn as any) },
      templates: { defaultOwner: 'group:default/guests', exclude: [] },
    });
    await provider.connect(catalog);
    await fullSync!();
  });
  afterAll(async () => {
    provider.disconnect();
    await clusters.informers.stopAll();
    await sandbox.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('generates no template for aws-dynamodb-kratix: its hand-made one is the one shown', () => {
    expect([...catalog.entities.keys()]).toEqual([]);
  });

  it('shows the template of a Promise applied with kubectl, and removes it when the Promise is deleted', async () => {
    await kubectl('apply', '-f', 'examples/bucket-promise/promise.yaml');
    const { value: template } = await catalog.until(10_000, () =>
      catalog.entities.get(TEMPLATE),
    );
    expect(template.entity).toMatchObject({
      kind: 'Template',
      metadata: {
        title: 'Object storage bucket',
        description:
          'An S3-like object storage bucket with versioning, retention and lifecycle rules.',
        tags: ['kratix', 'storage', 'bucket'],
      },
      spec: {
        owner: 'group:default/storage-team',
        steps: [
          {
            action: 'kratix:resource:create',
            input: { promise: 'object-bucket' },
          },
        ],
      },
    });
    expect(
      (template.entity.spec!.parameters as Array<{ title: string }>).map(
        s => s.title,
      ),
    ).toEqual(['Bucket', 'Data protection', 'Access', 'Where', 'Readiness']);

    // A request of the Promise's kind becomes a Resource typed by the Promise.
    await kubectl(
      'apply',
      '-f',
      'examples/bucket-promise/requests/team-assets.yaml',
    );
    const resourceRef = entityRefOfClusterObject({
      kind: 'resource',
      cluster: 'sandbox',
      namespace: 'default',
      name: 'team-assets',
    });
    const { value: resource } = await catalog.until(10_000, () =>
      catalog.entities.get(resourceRef),
    );
    expect(resource.entity.spec).toMatchObject({ type: 'object-bucket' });
    expect(resource.entity.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/promise': 'object-bucket',
      'kratix-dynamodb.io/request': 'default/team-assets',
    });

    await kubectl('delete', 'promise', 'object-bucket', '--wait=false');
    const { elapsedMs } = await catalog.until(
      10_000,
      () =>
        !catalog.entities.has(TEMPLATE) && !catalog.entities.has(resourceRef),
    );
    // Within the provider's delay: a delta mutation, not the next full sync.
    expect(elapsedMs).toBeLessThan(5_000);
  });
});
