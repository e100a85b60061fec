import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { specSchemaOfCrd } from './openApiSchema';
import { formValuesToSpec } from './formValuesToSpec';
import { readPromiseFormHints } from './promiseFormAnnotations';
import { promiseTemplateParameters } from './promiseTemplateParameters';
import { validateStructuralSchema } from './validateStructuralSchema';

const bucketPromise = parse(
  fs.readFileSync(
    path.join(__dirname, '../../../../examples/bucket-promise/promise.yaml'),
    'utf8',
  ),
);

describe("a Promise's annotations refine its form", () => {
  const { spec } = specSchemaOfCrd(bucketPromise.spec.api)!;

  it('splits and orders the fields into the steps the annotations name', () => {
    const { hints, problems } = readPromiseFormHints(
      bucketPromise.metadata.annotations,
    );
    expect(problems).toEqual([]);
    const steps = promiseTemplateParameters({
      kind: 'BucketRequest',
      specSchema: spec,
      cluster: 'sandbox',
      hints,
    });
    expect(
      steps.map(s => [s.title, Object.keys(s.properties), s.required]),
    ).toEqual([
      [
        'Bucket',
        ['name', 'storageClass', 'quota', 'versioning'],
        ['name', 'quota'],
      ],
      ['Data protection', ['retention', 'lifecycleRules'], undefined],
      ['Access', ['corsOrigins', 'policy'], undefined],
      [
        'Where',
        ['requestName', 'cluster', 'namespace', 'owner'],
        expect.any(Array),
      ],
      ['Readiness', ['waitForReady', 'timeoutSeconds'], undefined],
    ]);
    expect(steps[2].properties.policy['ui:help']).toBe(
      'A bucket policy document, as JSON or YAML',
    );
  });

  it('puts fields no step names in a last step, in the order annotation’s order', () => {
    const { hints } = readPromiseFormHints({
      'backstage.kratix.io/form-order': 'quota,name',
      'backstage.kratix.io/form-steps': 'Basics=versioning',
    });
    const steps = promiseTemplateParameters({
      kind: 'BucketRequest',
      specSchema: spec,
      cluster: 'c',
      hints,
    });
    expect(steps[0].title).toBe('Basics');
    expect(steps[1].title).toBe('More settings');
    expect(Object.keys(steps[1].properties).slice(0, 3)).toEqual([
      'quota',
      'name',
      'storageClass',
    ]);
  });

  it('reports a malformed annotation and generates the form without it', () => {
    const { hints, problems } = readPromiseFormHints({
      'backstage.kratix.io/form-steps': 'no equals sign',
      'backstage.kratix.io/ui-schema': '[1]',
    });
    expect(problems).toHaveLength(2);
    expect(hints).toEqual({ order: [], steps: [], ui: {} });
  });

  it('turns the example request’s values, typed into the form, into the example request', () => {
    const example = parse(
      fs.readFileSync(
        path.join(
          __dirname,
          '../../../../examples/bucket-promise/requests/team-assets.yaml',
        ),
        'utf8',
      ),
    );
    const typed = {
      ...example.spec,
      quota: '10Gi',
      policy: '',
      requestName: 'team-assets',
    };
    const { spec: submitted, errors } = formValuesToSpec(spec, typed);
    expect(errors).toEqual([]);
    const checked = validateStructuralSchema(submitted, spec!, 'spec');
    expect(checked.errors).toEqual([]);
    expect(checked.value).toEqual({
      ...example.spec,
      storageClass: 'STANDARD',
    });
  });
});
