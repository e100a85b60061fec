import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runPipeline, TABLE_MANIFEST_FILE } from './runPipeline';
import {
  aRequestObject,
  makePipelineFolders,
  type TestFolders,
} from './__testUtils__/pipelineFolders';

const created: TestFolders[] = [];
function folders(request?: unknown) {
  const made = makePipelineFolders(request);
  created.push(made);
  return made;
}
afterEach(() => created.splice(0).forEach(made => made.remove()));

const doubleHash = {
  attributeDefinitions: [
    { name: 'id', type: 'S' },
    { name: 'userId', type: 'S' },
  ],
  keySchema: [
    { attributeName: 'id', keyType: 'HASH' },
    { attributeName: 'userId', keyType: 'HASH' },
  ],
};

describe('runPipeline', () => {
  it('configure: writes the Table to the output and says what was requested', async () => {
    const dirs = folders(aRequestObject());
    const result = await runPipeline({ ...dirs, action: 'configure', env: {} });

    const manifest = path.join(dirs.outputDir, TABLE_MANIFEST_FILE);
    expect(result).toEqual({
      ok: true,
      message:
        'ACK Table team-a/sessions requested: DynamoDB table sessions in us-east-1, PAY_PER_REQUEST, kept when the request is deleted',
      outputFiles: [manifest],
    });
    expect(parse(fs.readFileSync(manifest, 'utf8')).kind).toBe('Table');
    expect(dirs.status()).toEqual({
      message: result.message,
      tableName: 'sessions',
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      deletionPolicy: 'retain',
      ackTable: { name: 'sessions', namespace: 'team-a' },
      validationErrors: [],
    });
  });

  it('configure: writes attribute names that YAML 1.1 reads as booleans so that they stay strings', async () => {
    // Kratix and the GitOps agent that applies the Table are Go programs reading YAML 1.1, where
    // a bare y or on is `true`. The `yaml` package, told to read YAML 1.1, reads as they do.
    const [hash, range] = ['y', 'on'];
    const dirs = folders(
      aRequestObject({
        attributeDefinitions: [hash, range].map(name => ({ name, type: 'S' })),
        keySchema: [
          { attributeName: hash, keyType: 'HASH' },
          { attributeName: range, keyType: 'RANGE' },
        ],
      }),
    );
    const result = await runPipeline({ ...dirs, action: 'configure', env: {} });
    expect(result.ok).toBe(true);

    const asGoReadsIt = parse(
      fs.readFileSync(path.join(dirs.outputDir, TABLE_MANIFEST_FILE), 'utf8'),
      { version: '1.1' },
    );
    expect(asGoReadsIt.spec.keySchema).toEqual([
      { attributeName: 'y', keyType: 'HASH' },
      { attributeName: 'on', keyType: 'RANGE' },
    ]);
    expect(
      asGoReadsIt.spec.attributeDefinitions.map(
        (a: { attributeName: unknown }) => a.attributeName,
      ),
    ).toEqual(['y', 'on']);
  });

  it('configure: refuses an invalid request with every field path, and writes no Table', async () => {
    const dirs = folders(
      aRequestObject({ ...doubleHash, region: 'us-east-1a' }),
    );
    const result = await runPipeline({ ...dirs, action: 'configure', env: {} });

    expect(result.ok).toBe(false);
    expect(result.outputFiles).toEqual([]);
    expect(dirs.outputNames()).toEqual([]);
    expect(result.message).toMatch(
      /^Invalid DynamoDBRequest, no table requested \(2 problems\): region: .*did you mean us-east-1\?; keySchema\[1\]\.keyType: must be RANGE/,
    );
    expect(dirs.status().message).toBe(result.message);
    expect(dirs.status().validationErrors.map((e: any) => e.path)).toEqual([
      'region',
      'keySchema[1].keyType',
    ]);
  });

  it('configure: refuses a file that is no DynamoDBRequest', async () => {
    const dirs = folders('apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n');
    const result = await runPipeline({ ...dirs, env: {} });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('kind: must be DynamoDBRequest');
  });

  it('delete: writes only a status message that says what happens to the AWS table', async () => {
    const dirs = folders(aRequestObject());
    const result = await runPipeline({ ...dirs, action: 'delete', env: {} });
    expect(result).toEqual({
      ok: true,
      message:
        'Request deleted: ACK keeps DynamoDB table sessions in AWS (deletionPolicy retain); delete it there when its data is no longer needed',
      outputFiles: [],
    });
    expect(dirs.outputNames()).toEqual([]);
    expect(dirs.status()).toEqual({ message: result.message });

    const deleting = folders(aRequestObject({ deletionPolicy: 'delete' }));
    const deleted = await runPipeline({
      ...deleting,
      action: 'delete',
      env: {},
    });
    expect(deleted.message).toContain(
      'ACK deletes DynamoDB table sessions from AWS',
    );
  });

  it('delete: lets an invalid request go, so it can always be deleted', async () => {
    const dirs = folders(aRequestObject(doubleHash));
    const result = await runPipeline({ ...dirs, action: 'delete', env: {} });
    expect(result.ok).toBe(true);
  });

  it('reads the folders and the action from the environment', async () => {
    const dirs = folders(aRequestObject());
    const result = await runPipeline({
      env: {
        KRATIX_INPUT_DIR: dirs.inputDir,
        KRATIX_OUTPUT_DIR: dirs.outputDir,
        KRATIX_METADATA_DIR: dirs.metadataDir,
        KRATIX_WORKFLOW_ACTION: 'delete',
      },
    });
    expect(result.message).toMatch(/^Request deleted/);
    expect(dirs.status().message).toBe(result.message);
  });

  it('refuses an unknown action, and says which ones exist', async () => {
    const dirs = folders(aRequestObject());
    const result = await runPipeline({ ...dirs, action: 'update', env: {} });
    expect(result).toEqual({
      ok: false,
      message:
        "Unknown KRATIX_WORKFLOW_ACTION 'update': expected configure or delete",
      outputFiles: [],
    });
  });

  it('says so when there is no object.yaml to read', async () => {
    const dirs = folders();
    const result = await runPipeline({ ...dirs, env: {} });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Cannot read the request: .*object\.yaml/);
    expect(dirs.status().message).toBe(result.message);
  });

  it('creates missing output and metadata folders', async () => {
    const dirs = folders(aRequestObject());
    fs.rmSync(dirs.outputDir, { recursive: true });
    fs.rmSync(dirs.metadataDir, { recursive: true });
    const result = await runPipeline({ ...dirs, env: {} });
    expect(result.ok).toBe(true);
    expect(dirs.outputNames()).toEqual([TABLE_MANIFEST_FILE]);
  });
});
