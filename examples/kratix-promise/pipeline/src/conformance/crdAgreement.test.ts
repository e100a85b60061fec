/**
 * The CRD schema in promise.yaml and validateDynamoDBRequestSpec must agree: whatever the
 * API server refuses, -common refuses too, and a rule of a single field is refused by both.
 * Rules that compare fields are -common's alone; the corpus marks them `cross-field`, and
 * this test proves the CRD really lets them through (so the workflow must catch them).
 */
import { validateDynamoDBRequestSpec } from '@kratix-dynamodb/common';
import { crdValidator } from '../__testUtils__/kubernetesSchema';
import { promiseFile } from '../__testUtils__/requestExamples';
import {
  requestCorpus,
  type CorpusEntry,
} from '../__testUtils__/requestCorpus';

const validateRequestObject = crdValidator(promiseFile().spec.api, 'v1alpha1');

const asRequest = (spec: unknown) => ({
  apiVersion: 'dynamodb.kratix.io/v1alpha1',
  kind: 'DynamoDBRequest',
  metadata: { name: 'corpus', namespace: 'default' },
  spec,
});

function verdicts(entry: CorpusEntry) {
  return {
    crd: validateRequestObject(asRequest(entry.spec)).valid,
    common: validateDynamoDBRequestSpec(entry.spec).valid,
  };
}

const corpus = requestCorpus();
const byKind = (kind: CorpusEntry['kind']) =>
  corpus
    .filter(entry => entry.kind === kind)
    .map(entry => [entry.title, entry] as const);

describe('the CRD schema and -common agree', () => {
  it('on a corpus that has every kind of case', () => {
    expect(byKind('valid').length).toBeGreaterThanOrEqual(5);
    expect(byKind('shape').length).toBeGreaterThanOrEqual(30);
    expect(byKind('cross-field').length).toBeGreaterThanOrEqual(18);
  });

  it('-common refuses everything the CRD refuses', () => {
    const missed = corpus
      .filter(entry => !verdicts(entry).crd && verdicts(entry).common)
      .map(entry => entry.title);
    expect(missed).toEqual([]);
  });

  it.each(byKind('valid'))('valid: both accept %s', (_title, entry) => {
    expect(verdicts(entry)).toEqual({ crd: true, common: true });
  });

  it.each(byKind('shape'))('shape rule: both refuse %s', (_title, entry) => {
    expect(verdicts(entry)).toEqual({ crd: false, common: false });
  });

  it.each(byKind('cross-field'))(
    'cross-field rule, only -common refuses: %s',
    (_title, entry) => {
      expect(verdicts(entry)).toEqual({ crd: true, common: false });
    },
  );
});
