import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  api,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../__testUtils__/testSandbox';
import { findRepoRoot } from '../../kubeconfig';

const readExample = (...parts: string[]) =>
  parse(
    fs.readFileSync(path.join(findRepoRoot(), 'examples', ...parts), 'utf8'),
  );

const PROMISES = '/apis/platform.kratix.io/v1alpha1/promises';
const BUCKETS =
  '/apis/storage.kratix.io/v1alpha1/namespaces/default/bucketrequests';
const condition = (object: any, type: string) =>
  object?.status?.conditions?.find((c: any) => c.type === type);

describe('the sandbox runs each Promise’s own pipeline, chosen by its image', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    for (const promise of [
      readExample('bucket-promise', 'promise.yaml'),
      readExample('kratix-promise', 'promise.yaml'),
    ]) {
      const created = await api(sandbox, 'POST', PROMISES, promise);
      if (created.status !== 201)
        throw new Error(`applying a Promise answered ${created.status}`);
    }
    await eventually(
      async () => (await api(sandbox, 'GET', BUCKETS)).status === 200,
    );
  });
  afterAll(() => sandbox.stop());

  it('runs the object-bucket pipeline for a BucketRequest and applies its ConfigMap', async () => {
    const request = readExample(
      'bucket-promise',
      'requests',
      'team-assets.yaml',
    );
    expect((await api(sandbox, 'POST', BUCKETS, request)).status).toBe(201);
    await eventually(async () => {
      const res = await api(sandbox, 'GET', `${BUCKETS}/team-assets`);
      expect(condition(res.body, 'ConfigureWorkflowCompleted')).toMatchObject({
        status: 'True',
      });
      expect(res.body.status.bucketName).toBe('team-assets-eu');
      return true;
    });
    const configMap = await api(
      sandbox,
      'GET',
      '/api/v1/namespaces/default/configmaps/bucket-team-assets',
    );
    expect(configMap.status).toBe(200);
    expect(parse(configMap.body.data['bucket.yaml'])).toMatchObject({
      storageClass: 'STANDARD',
    });
  });

  it('reports the pipeline’s refusal in the request status', async () => {
    const request = readExample(
      'bucket-promise',
      'requests',
      'team-assets.yaml',
    );
    request.metadata.name = 'no-versioning';
    request.spec.versioning = false;
    expect((await api(sandbox, 'POST', BUCKETS, request)).status).toBe(201);
    await eventually(async () => {
      const res = await api(sandbox, 'GET', `${BUCKETS}/no-versioning`);
      expect(condition(res.body, 'ConfigureWorkflowCompleted')).toMatchObject({
        status: 'False',
        reason: 'ConfigureWorkflowFailed',
      });
      expect(res.body.status.message).toContain('spec.versioning');
      return true;
    });
  });

  it('fails the workflow of a Promise whose image it cannot run, saying so', async () => {
    const promise = readExample('bucket-promise', 'promise.yaml');
    promise.metadata.name = 'unknown-image';
    promise.spec.api.metadata.name = 'caches.cache.example.io';
    promise.spec.api.spec.group = 'cache.example.io';
    promise.spec.api.spec.names = {
      kind: 'Cache',
      plural: 'caches',
      singular: 'cache',
      listKind: 'CacheList',
    };
    promise.spec.workflows.resource.configure[0].spec.containers[0].image =
      'ghcr.io/example/not-in-the-sandbox:1.0';
    expect((await api(sandbox, 'POST', PROMISES, promise)).status).toBe(201);
    const caches = '/apis/cache.example.io/v1alpha1/namespaces/default/caches';
    await eventually(
      async () => (await api(sandbox, 'GET', caches)).status === 200,
    );
    const request = readExample(
      'bucket-promise',
      'requests',
      'team-assets.yaml',
    );
    request.apiVersion = 'cache.example.io/v1alpha1';
    request.kind = 'Cache';
    expect((await api(sandbox, 'POST', caches, request)).status).toBe(201);
    await eventually(async () => {
      const res = await api(sandbox, 'GET', `${caches}/team-assets`);
      expect(
        condition(res.body, 'ConfigureWorkflowCompleted')?.message,
      ).toContain(
        'ghcr.io/example/not-in-the-sandbox:1.0 is not mapped to a pipeline',
      );
      return true;
    });
  });
});
