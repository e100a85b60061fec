import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { runPipeline } from './runPipeline';

const REQUEST = parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', 'requests', 'team-assets.yaml'),
    'utf8',
  ),
);

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function folders(request: unknown) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-pipeline-'));
  roots.push(root);
  const dirs = {
    inputDir: path.join(root, 'input'),
    outputDir: path.join(root, 'output'),
    metadataDir: path.join(root, 'metadata'),
  };
  fs.mkdirSync(dirs.inputDir);
  fs.writeFileSync(path.join(dirs.inputDir, 'object.yaml'), stringify(request));
  return dirs;
}

const statusOf = (dirs: { metadataDir: string }) =>
  parse(fs.readFileSync(path.join(dirs.metadataDir, 'status.yaml'), 'utf8'));

describe('the object-bucket pipeline', () => {
  it('writes the settings ConfigMap and a status for the example request', async () => {
    const dirs = folders(REQUEST);
    const result = await runPipeline({ ...dirs, action: 'configure', env: {} });
    expect(result.ok).toBe(true);
    const configMap = parse(fs.readFileSync(result.outputFiles[0], 'utf8'));
    expect(configMap.metadata).toMatchObject({
      name: 'bucket-team-assets',
      namespace: 'default',
    });
    expect(parse(configMap.data['bucket.yaml'])).toMatchObject({
      bucket: 'team-assets-eu',
      quotaBytes: 10 * 1024 ** 3,
      retention: { days: 30, mode: 'COMPLIANCE' },
    });
    expect(statusOf(dirs)).toMatchObject({ bucketName: 'team-assets-eu' });
  });

  it('refuses COMPLIANCE retention without versioning, naming the field', async () => {
    const dirs = folders({
      ...REQUEST,
      spec: { ...REQUEST.spec, versioning: false },
    });
    const result = await runPipeline({ ...dirs, env: {} });
    expect(result.ok).toBe(false);
    expect(result.outputFiles).toEqual([]);
    expect(result.message).toContain(
      'spec.versioning must be true when retention.mode is COMPLIANCE',
    );
  });

  it('refuses two lifecycle rules for one prefix', async () => {
    const dirs = folders({
      ...REQUEST,
      spec: {
        ...REQUEST.spec,
        lifecycleRules: [
          { prefix: 'a/', expireAfterDays: 1 },
          { prefix: 'a/', expireAfterDays: 2 },
        ],
      },
    });
    const result = await runPipeline({ ...dirs, env: {} });
    expect(result.message).toContain('spec.lifecycleRules[1].prefix');
  });

  it('takes an integer quota as bytes and refuses a zero one', async () => {
    const ok = await runPipeline({
      ...folders({ ...REQUEST, spec: { name: 'b-1', quota: 2048 } }),
      env: {},
    });
    expect(ok.message).toContain('2048 bytes');
    const zero = await runPipeline({
      ...folders({ ...REQUEST, spec: { name: 'b-1', quota: 0 } }),
      env: {},
    });
    expect(zero.message).toContain('spec.quota');
  });

  it('reports deletion without output, and refuses other kinds', async () => {
    const deleted = await runPipeline({
      ...folders(REQUEST),
      env: { KRATIX_WORKFLOW_ACTION: 'delete' },
    });
    expect(deleted).toMatchObject({ ok: true, outputFiles: [] });
    const wrong = await runPipeline({
      ...folders({ ...REQUEST, kind: 'DynamoDBRequest' }),
      env: {},
    });
    expect(wrong).toMatchObject({ ok: false });
  });
});
