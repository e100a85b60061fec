/**
 * Every Table the pipeline writes must be one the real ACK controller's CRD accepts, with no
 * field that the API server would refuse or silently drop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runPipeline } from '../runPipeline';
import { renderAckTable } from '@kratix-dynamodb/common';
import { crdValidator } from '../__testUtils__/kubernetesSchema';
import { makePipelineFolders } from '../__testUtils__/pipelineFolders';
import {
  explainUpstreamAbsent,
  UPSTREAM_PRESENT,
  readUpstreamYaml,
  EXAMPLES_DIR,
  readYamlFile,
} from '../__testUtils__/repoFiles';
import { validRequestExamples } from '../__testUtils__/requestExamples';

const ACK_TABLE_CRD =
  'ack-dynamodb-controller/dynamodb.services.k8s.aws_tables.yaml';

describe('generated Tables against the upstream ACK Table CRD', () => {
  if (!UPSTREAM_PRESENT) {
    it('upstream CRDs absent: conformance not run (set KRATIX_DYNAMODB_UPSTREAM_DIR)', () => {
      expect(
        explainUpstreamAbsent(
          'generated Tables against the upstream ACK Table CRD',
        ),
      ).toBe(true);
    });
  } else {
    const validateTable = crdValidator(
      readUpstreamYaml(ACK_TABLE_CRD),
      'v1alpha1',
    );

    it.each(validRequestExamples().map(e => [e.file, e.object]))(
      'examples/requests/%s becomes a Table the ACK CRD accepts',
      async (_file, request) => {
        const dirs = makePipelineFolders(request);
        try {
          const result = await runPipeline({
            ...dirs,
            action: 'configure',
            env: {},
          });
          expect(result.ok).toBe(true);
          expect(result.outputFiles).toHaveLength(1);
          const table = parse(fs.readFileSync(result.outputFiles[0], 'utf8'));
          expect(validateTable(table)).toEqual({ valid: true, errors: [] });
        } finally {
          dirs.remove();
        }
      },
    );

    it("turns the session app's table component into a Table the ACK CRD accepts", () => {
      const app = readYamlFile(
        path.join(EXAMPLES_DIR, 'kubevela', 'session-management-app.yaml'),
      );
      const component = app.spec.components.find(
        (c: any) => c.name === 'session-table',
      );
      const table = renderAckTable({
        metadata: { name: component.name, namespace: app.metadata.namespace },
        spec: component.properties,
      });
      expect(validateTable(table)).toEqual({ valid: true, errors: [] });
    });

    it('uses a validator that refuses fields ACK does not know (so the checks above mean something)', () => {
      const [example] = validRequestExamples();
      const table: any = renderAckTable(example.object);
      table.spec.ttl = { attributeName: 'expiresAt', enabled: true };
      expect(validateTable(table)).toEqual({
        valid: false,
        errors: ['/spec must NOT have additional properties (ttl)'],
      });
    });
  }
});
