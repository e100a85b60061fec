/**
 * kratix:resource:create against the embedded sandbox with the object-bucket Promise
 * installed: its own pipeline runs, and the action knows BucketRequest only from the
 * Promise it reads on the cluster.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  KRATIX_PROMISE_GVK,
  promiseApiOf,
  promiseTemplateParameters,
  readPromiseFormHints,
  REQUEST_FORM_KEYS,
} from '@kratix-dynamodb/common';
import type { KubernetesClient } from '@kratix-dynamodb/node';
import type { Sandbox } from '@kratix-dynamodb/sandbox';
import { parse } from 'yaml';
import {
  createKratixResourceAction,
  KratixDynamoDBActionDependencies,
} from './actions';
import { examples } from './actions/createKratixResource.examples';
import { actionContext } from './__testUtils__/actionTestKit';
import { schemaErrorsFor } from './__testUtils__/checkInputLikeTheScaffolder';
import {
  startSandboxForActions,
  waitUntil,
} from './__testUtils__/sandboxActions';
import { firstStepInput, Template } from './__testUtils__/templateReplay';

const REPO = path.resolve(__dirname, '../../..');
const bucketPromise = parse(
  fs.readFileSync(
    path.join(REPO, 'examples/bucket-promise/promise.yaml'),
    'utf8',
  ),
);
const BUCKET_GVK = promiseApiOf(bucketPromise)!.gvk;

/** The template the catalog generates from the Promise: its form, and its one step. */
function generatedTemplate(): Template {
  const api = promiseApiOf(bucketPromise)!;
  const k = REQUEST_FORM_KEYS;
  return {
    spec: {
      parameters: promiseTemplateParameters({
        kind: api.gvk.kind,
        specSchema: api.specSchema,
        cluster: 'sandbox',
        hints: readPromiseFormHints(bucketPromise.metadata.annotations).hints,
      }),
      steps: [
        {
          action: 'kratix:resource:create',
          input: {
            promise: 'object-bucket',
            cluster: `\${{ parameters.${k.cluster} }}`,
            namespace: `\${{ parameters.${k.namespace} }}`,
            name: `\${{ parameters.${k.name} }}`,
            owner: `\${{ parameters.${k.owner} }}`,
            formValues: '${{ parameters }}',
            waitForReady: `\${{ parameters.${k.waitForReady} }}`,
            timeoutSeconds: `\${{ parameters.${k.timeoutSeconds} }}`,
          },
        },
      ],
    },
  } as unknown as Template;
}

describe('kratix:resource:create against the sandbox', () => {
  let sandbox: Sandbox;
  let deps: KratixDynamoDBActionDependencies;
  let client: KubernetesClient;
  const action = () => createKratixResourceAction(deps);

  beforeAll(async () => {
    const started = await startSandboxForActions();
    ({ sandbox, client } = started);
    deps = started.deps();
    await client.create(KRATIX_PROMISE_GVK, bucketPromise);
    await waitUntil('the BucketRequest API', () => client.resolve(BUCKET_GVK));
  }, 60_000);

  afterAll(() => sandbox?.stop());

  /** What a user types into the generated form's pages. */
  const typed = (requestName: string) => ({
    cluster: 'sandbox',
    namespace: 'default',
    requestName,
    owner: 'group:default/storage-team',
    name: `${requestName}-bucket`,
    quota: '20Gi',
    versioning: true,
    retention: { days: 30, mode: 'COMPLIANCE' },
    lifecycleRules: [{ prefix: 'tmp/', expireAfterDays: 7 }],
    policy: '{"Statement": []}',
    waitForReady: true,
    timeoutSeconds: 60,
  });

  it("creates a BucketRequest from the generated form's values and waits for its workflow; a retry reuses it", async () => {
    const input = firstStepInput(generatedTemplate(), typed('media'));
    const { ctx, logLines, outputs } = actionContext(input);
    await action().handler(ctx);
    expect(logLines().map(line => line.split(':')[1].trim())).toEqual([
      'validated',
      'applied',
      'waiting',
      'waiting',
      'waiting',
      'ready',
    ]);
    const stored = await client.get(BUCKET_GVK, 'default', 'media');
    expect(stored?.spec).toEqual({
      name: 'media-bucket',
      storageClass: 'STANDARD',
      quota: '20Gi',
      versioning: true,
      retention: { days: 30, mode: 'COMPLIANCE' },
      lifecycleRules: [{ prefix: 'tmp/', expireAfterDays: 7 }],
      policy: { Statement: [] },
    });
    expect(stored?.metadata.annotations).toMatchObject({
      'kratix-dynamodb.io/owner': 'group:default/storage-team',
      'kratix-dynamodb.io/entity-ref': 'resource:default/media_sandbox',
    });
    expect(outputs()).toMatchObject({
      requestRef: 'sandbox/default/media',
      kind: 'BucketRequest',
      uid: stored?.metadata.uid,
      entityRef: 'resource:default/media_sandbox',
    });
    // Reached through Kratix's own conditions: BucketRequest registered no readiness.
    expect(logLines()).toContainEqual(
      'info: waiting: reached BucketRequest workflow completed',
    );

    const retry = actionContext(input);
    await action().handler(retry.ctx);
    expect(retry.outputs().uid).toBe(stored?.metadata.uid);
    expect(retry.logLines()).toContainEqual(
      expect.stringMatching(/already exists .* from an earlier run/),
    );
  }, 90_000);

  it('refuses a spec the CRD forbids, naming each field, and creates nothing', async () => {
    const input = firstStepInput(generatedTemplate(), {
      ...typed('bad-bucket'),
      name: 'Not A Bucket!',
      retention: { days: 0 },
      storageClass: 'FAST',
    });
    const { ctx } = actionContext(input);
    const failure = action().handler(ctx);
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    const message = (await failure.catch(e => e)).message as string;
    expect(message).toMatch(
      /^kratix:resource:create was given 3 invalid inputs; nothing was created/,
    );
    expect(message).toMatch(/^spec\.name: .*should match/m);
    expect(message).toMatch(/^spec\.storageClass: .*"FAST"/m);
    expect(message).toMatch(/^spec\.retention\.days: .*1/m);
    expect(
      await client.get(BUCKET_GVK, 'default', 'bad-bucket'),
    ).toBeUndefined();
  });

  it('refuses a Promise the cluster does not have, at the promise field', async () => {
    const { ctx } = actionContext({
      promise: 'no-such-promise',
      cluster: 'sandbox',
      name: 'x',
      spec: {},
    });
    await expect(action().handler(ctx)).rejects.toThrow(
      /^kratix:resource:create was given 1 invalid input; nothing was created:\npromise: there is no Promise 'no-such-promise' on cluster 'sandbox'$/,
    );
  });

  it('dry run: the cluster checks the request server-side and nothing is stored', async () => {
    const { ctx, logLines } = actionContext(
      {
        promise: 'object-bucket',
        cluster: 'sandbox',
        name: 'dry-bucket',
        spec: { name: 'dry-bucket', quota: 1024 },
      },
      { isDryRun: true },
    );
    await action().handler(ctx);
    expect(logLines()).toContainEqual(
      "info: dry run: cluster 'sandbox' accepted BucketRequest default/dry-bucket (server-side dryRun=All); nothing was created",
    );
    expect(
      await client.get(BUCKET_GVK, 'default', 'dry-bucket'),
    ).toBeUndefined();
  });

  it('routes a DynamoDBRequest through the rules its kind registered', async () => {
    const { ctx } = actionContext({
      promise: 'aws-dynamodb-kratix',
      cluster: 'sandbox',
      name: 'keyless',
      spec: {
        name: 'keyless',
        region: 'us-east-1',
        billingMode: 'PAY_PER_REQUEST',
        attributeDefinitions: [{ name: 'id', type: 'S' }],
        keySchema: [{ attributeName: 'other', keyType: 'HASH' }],
      },
    });
    await expect(action().handler(ctx)).rejects.toThrow(/^spec\.keySchema/m);
  });

  it.each(
    examples
      .map(e => [e.description, parse(e.example).steps[0].input] as const)
      .filter(([, input]) => input.spec),
  )(
    'replays its documented example: %s',
    async (_, input) => {
      const created = action();
      expect(schemaErrorsFor(created, input)).toEqual([]);
      const { ctx, outputs } = actionContext({
        ...input,
        namespace: 'default',
      });
      await created.handler(ctx);
      expect(outputs()).toMatchObject({
        kind: 'BucketRequest',
        entityRef: `resource:default/${input.name}_sandbox`,
      });
    },
    60_000,
  );
});
