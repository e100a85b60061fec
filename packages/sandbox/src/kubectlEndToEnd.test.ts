import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  eventually,
  kubectl,
  startTestSandbox,
  type TestSandbox,
} from './__testUtils__/testSandbox';
import { DynamoDbApi } from './controllers/ack/DynamoDbApi';
import { findRepoRoot } from './kubeconfig';

const repo = findRepoRoot();
const example = (...parts: string[]) => path.join(repo, 'examples', ...parts);

/*
 * kubectl parses YAML 1.1, where an unquoted `N` (DynamoDB's number type) is the boolean
 * false. The example files quote it, and are applied here as files, the way a user would, so
 * this test also guards that.
 */

function requestNames(): string[] {
  return ['simple.yaml', 'provisioned.yaml', 'time-series.yaml'].map(
    f =>
      (
        parseAllDocuments(
          fs.readFileSync(example('requests', f), 'utf8'),
        )[0].toJS() as any
      ).metadata.name,
  );
}

describe('kubectl against the sandbox (Kratix + ACK with the real workflow pipeline)', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });

  afterAll(() => sandbox.stop());

  it('applies the Promise and the example requests, waits for ACTIVE tables, and deletes one', async () => {
    const applyPromise = await kubectl(sandbox, [
      'apply',
      '-f',
      example('kratix-promise', 'promise.yaml'),
    ]);
    expect(applyPromise.stderr).toBe('');
    expect(applyPromise.stdout).toContain(
      'promise.platform.kratix.io/aws-dynamodb-kratix created',
    );
    const available = await kubectl(sandbox, [
      'wait',
      '--for=jsonpath={.status.status}=Available',
      'promise/aws-dynamodb-kratix',
      '--timeout=20s',
    ]);
    expect(available.stdout).toContain('condition met');

    for (const file of [
      'simple.yaml',
      'provisioned.yaml',
      'time-series.yaml',
    ]) {
      const applied = await kubectl(sandbox, [
        'apply',
        '-f',
        example('requests', file),
      ]);
      expect(applied).toMatchObject({ code: 0, stderr: '' });
    }
    const names = requestNames();
    for (const name of names) {
      const waited = await kubectl(sandbox, [
        'wait',
        '--for=jsonpath={.status.tableStatus}=ACTIVE',
        `table/${name}`,
        '--timeout=40s',
      ]);
      expect(waited.stdout).toContain('condition met');
    }
    const ready = await kubectl(sandbox, [
      'wait',
      '--for=condition=Ready',
      'tables',
      '--all',
      '--timeout=20s',
    ]);
    expect(ready.code).toBe(0);

    const listed = await kubectl(sandbox, ['get', 'dynamodbrequests', '-A']);
    for (const name of names) expect(listed.stdout).toContain(name);
    const request = JSON.parse(
      (
        await kubectl(sandbox, [
          'get',
          'dynamodbrequest',
          names[0],
          '-o',
          'json',
        ])
      ).stdout,
    );
    expect(
      request.status.conditions.find(
        (c: any) => c.type === 'ConfigureWorkflowCompleted',
      ),
    ).toMatchObject({
      status: 'True',
      reason: 'PipelinesExecutedSuccessfully',
    });
    expect(request.status.kratix.workflows.pipelines).toEqual([
      expect.objectContaining({
        name: 'instance-configure',
        phase: 'Succeeded',
      }),
    ]);

    // The tables exist in dynalite, under the names the requests asked for.
    const tables = JSON.parse(
      (await kubectl(sandbox, ['get', 'tables', '-o', 'json'])).stdout,
    ).items;
    const dynamo = await new DynamoDbApi(
      sandbox.dynamodbEndpoint,
      'us-east-1',
    ).call('ListTables', {});
    expect(dynamo.TableNames).toEqual(
      expect.arrayContaining(tables.map((t: any) => t.spec.tableName)),
    );
    expect(tables[0].status.ackResourceMetadata.arn).toMatch(
      /^arn:aws:dynamodb:/,
    );

    const described = await kubectl(sandbox, [
      'describe',
      'dynamodbrequest',
      names[0],
    ]);
    expect(described.stdout).toContain('PipelineCompleted');

    const deleted = await kubectl(sandbox, [
      'delete',
      'dynamodbrequest',
      names[0],
      '--timeout=30s',
    ]);
    expect(deleted.stdout).toContain('deleted');
    const events = await kubectl(sandbox, [
      'get',
      'events',
      '--field-selector',
      `involvedObject.name=${names[0]}`,
      '-o',
      'json',
    ]);
    const messages = JSON.parse(events.stdout).items.map((e: any) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Delete Pipeline started: instance-delete',
        'Delete Pipeline completed: instance-delete',
      ]),
    );
    await eventually(
      async () =>
        (await kubectl(sandbox, ['get', 'table', names[0]])).code !== 0,
      10_000,
      'the Table to go',
    );
    expect(
      sandbox.requestCounts().byResource['dynamodbrequests.dynamodb.kratix.io'],
    ).toMatchObject({ create: 3, delete: 1 });
  }, 120_000);

  it('reports schema errors as the apiserver does', async () => {
    const bad = JSON.stringify({
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: { name: 'bad-keys' },
      spec: {
        name: 'bad-keys',
        region: 'us-east-1',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'FOO' }],
      },
    });
    const rejected = await kubectl(sandbox, ['apply', '-f', '-'], bad);
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain(
      'spec.keySchema[0].keyType: Unsupported value: "FOO": supported values: "HASH", "RANGE"',
    );
  }, 30_000);
});
