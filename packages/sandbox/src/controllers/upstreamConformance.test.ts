import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  api,
  eventually,
  startTestSandbox,
  type TestSandbox,
  createSessionApiSecret,
} from '../__testUtils__/testSandbox';
import { findRepoRoot } from '../kubeconfig';

const repo = findRepoRoot();
const upstreamDir =
  process.env.KRATIX_DYNAMODB_UPSTREAM_DIR ??
  path.join(repo, '..', 'shared', 'upstream');
const readExample = (...parts: string[]) =>
  parse(fs.readFileSync(path.join(repo, 'examples', ...parts), 'utf8'));

/** Upstream CRD files by the kind the sandbox serves in their place. */
const UPSTREAM = [
  {
    list: '/apis/dynamodb.services.k8s.aws/v1alpha1/tables',
    file: 'ack-dynamodb-controller/dynamodb.services.k8s.aws_tables.yaml',
  },
  {
    list: '/apis/platform.kratix.io/v1alpha1/promises',
    file: 'kratix/platform.kratix.io_promises.yaml',
  },
  {
    list: '/apis/core.oam.dev/v1beta1/applications',
    file: 'kubevela/core.oam.dev_applications.yaml',
  },
  {
    list: '/apis/core.oam.dev/v1beta1/componentdefinitions',
    file: 'kubevela/core.oam.dev_componentdefinitions.yaml',
  },
];

describe('the CRDs the sandbox writes for itself agree with the upstream ones', () => {
  let sandbox: TestSandbox;
  const haveUpstream = fs.existsSync(upstreamDir);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });

  afterAll(() => sandbox.stop());

  it('what the sandbox accepts and writes (specs and controller status), the upstream schemas accept', async () => {
    if (!haveUpstream) {
      // Stated, not skipped: without the upstream files there is nothing to compare against.
      process.stderr.write(
        `Upstream CRDs not found at ${upstreamDir}: conformance is NOT checked (set KRATIX_DYNAMODB_UPSTREAM_DIR).\n`,
      );
      return;
    }
    await api(
      sandbox,
      'POST',
      '/apis/platform.kratix.io/v1alpha1/promises',
      readExample('kratix-promise', 'promise.yaml'),
    );
    await eventually(
      async () =>
        (
          await api(sandbox, 'GET', '/apis/dynamodb.kratix.io/v1alpha1')
        ).status === 200,
    );
    for (const file of [
      'simple.yaml',
      'provisioned.yaml',
      'time-series.yaml',
    ]) {
      await api(
        sandbox,
        'POST',
        '/apis/dynamodb.kratix.io/v1alpha1/namespaces/default/dynamodbrequests',
        readExample('requests', file),
      );
    }
    await api(
      sandbox,
      'POST',
      '/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions',
      readExample('kubevela', 'aws-dynamodb-kratix.yaml'),
    );
    await createSessionApiSecret(sandbox);
    const app = readExample('kubevela', 'session-management-app.yaml');
    await api(
      sandbox,
      'POST',
      '/apis/core.oam.dev/v1beta1/namespaces/default/applications',
      app,
    );
    await eventually(
      async () => {
        const tables = (await api(sandbox, 'GET', UPSTREAM[0].list)).body.items;
        return (
          tables.length === 4 &&
          tables.every((t: any) => t.status?.tableStatus === 'ACTIVE')
        );
      },
      30_000,
      'four ACTIVE tables',
    );
    await eventually(
      async () =>
        (
          await api(
            sandbox,
            'GET',
            `/apis/core.oam.dev/v1beta1/namespaces/default/applications/${app.metadata.name}`,
          )
        ).body.status?.status === 'running',
      30_000,
      'the app to run',
    );

    const ajv = new Ajv({
      strict: false,
      validateFormats: false,
      allErrors: true,
    });
    for (const { list, file } of UPSTREAM) {
      const crd = parse(fs.readFileSync(path.join(upstreamDir, file), 'utf8'));
      const items = (await api(sandbox, 'GET', list)).body.items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const version = crd.spec.versions.find(
          (v: any) => `${crd.spec.group}/${v.name}` === item.apiVersion,
        );
        const validate = ajv.compile(version.schema.openAPIV3Schema);
        const valid = validate(item);
        expect({
          object: `${item.kind}/${item.metadata.name}`,
          errors: valid ? [] : validate.errors,
        }).toEqual({
          object: `${item.kind}/${item.metadata.name}`,
          errors: [],
        });
      }
    }
  }, 90_000);
});
