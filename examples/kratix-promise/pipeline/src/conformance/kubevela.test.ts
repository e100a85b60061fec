/**
 * The KubeVela side: the ComponentDefinition (CUE source and its object form) and the
 * session-management Application, against the upstream KubeVela CRDs and -common's rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DYNAMODB_COMPONENT_TYPE,
  DYNAMODB_REQUEST_GVK,
  dynamoDBRequestSpecShape,
  validateDynamoDBRequestSpec,
} from '@kratix-dynamodb/common';
import { crdValidator } from '../__testUtils__/kubernetesSchema';
import {
  cueMultilineString,
  cueParameterNames,
  cueTemplateBody,
} from '../__testUtils__/cueDefinition';
import {
  explainUpstreamAbsent,
  UPSTREAM_PRESENT,
  EXAMPLES_DIR,
  readUpstreamYaml,
  readYamlFile,
} from '../__testUtils__/repoFiles';

const KUBEVELA_DIR = path.join(EXAMPLES_DIR, 'kubevela');
const cue = fs.readFileSync(
  path.join(KUBEVELA_DIR, 'aws-dynamodb-kratix.cue'),
  'utf8',
);
const definition = readYamlFile(
  path.join(KUBEVELA_DIR, 'aws-dynamodb-kratix.yaml'),
);
const app = readYamlFile(
  path.join(KUBEVELA_DIR, 'session-management-app.yaml'),
);
const component = (name: string) =>
  app.spec.components.find((c: any) => c.name === name);

describe('the KubeVela files against the upstream KubeVela CRDs', () => {
  if (!UPSTREAM_PRESENT) {
    it('upstream CRDs absent: conformance not run (set KRATIX_DYNAMODB_UPSTREAM_DIR)', () => {
      expect(
        explainUpstreamAbsent(
          'the KubeVela files against the upstream KubeVela CRDs',
        ),
      ).toBe(true);
    });
  } else {
    it('the Application is valid', () => {
      const validate = crdValidator(
        readUpstreamYaml('kubevela/core.oam.dev_applications.yaml'),
        'v1beta1',
      );
      expect(validate(app)).toEqual({ valid: true, errors: [] });
    });

    it('the ComponentDefinition is valid', () => {
      const validate = crdValidator(
        readUpstreamYaml('kubevela/core.oam.dev_componentdefinitions.yaml'),
        'v1beta1',
      );
      expect(validate(definition)).toEqual({ valid: true, errors: [] });
    });
  }
});

describe('the aws-dynamodb-kratix ComponentDefinition', () => {
  const template = cueTemplateBody(cue);

  it('is the same in CUE and as an object', () => {
    expect(definition.metadata.name).toBe(DYNAMODB_COMPONENT_TYPE);
    expect(cue).toContain(`"${DYNAMODB_COMPONENT_TYPE}": {`);
    expect(definition.spec.schematic.cue.template).toBe(template);
    expect(definition.spec.status.healthPolicy).toBe(
      cueMultilineString(cue, 'healthPolicy'),
    );
    expect(definition.spec.status.customStatus).toBe(
      cueMultilineString(cue, 'customStatus'),
    );
    expect(cue).toContain(
      `description: "${definition.metadata.annotations['definition.oam.dev/description']}"`,
    );
  });

  it('creates a DynamoDBRequest', () => {
    const apiVersion = `${DYNAMODB_REQUEST_GVK.group}/${DYNAMODB_REQUEST_GVK.version}`;
    expect(definition.spec.workload.definition).toEqual({
      apiVersion,
      kind: DYNAMODB_REQUEST_GVK.kind,
    });
    expect(template).toContain(`apiVersion: "${apiVersion}"`);
    expect(template).toContain(`kind:       "${DYNAMODB_REQUEST_GVK.kind}"`);
  });

  it('takes exactly the request spec fields as parameters, and passes each one on', () => {
    const fields = Object.keys(dynamoDBRequestSpecShape.shape);
    expect(cueParameterNames(template).sort()).toEqual([...fields].sort());
    for (const field of fields) {
      expect(template).toMatch(
        new RegExp(`\\b${field}:\\s+parameter\\.${field}\\n`),
      );
    }
  });

  it('defaults like -common: tables are retained', () => {
    expect(template).toContain('deletionPolicy: *"retain" | "delete"');
  });
});

describe('the session-management Application', () => {
  const table = component('session-table');
  const api = component('session-api');

  it('asks for a table that -common accepts: id as HASH key, a GSI on userId, TTL on expiresAt', () => {
    expect(table.type).toBe(DYNAMODB_COMPONENT_TYPE);
    const result = validateDynamoDBRequestSpec(table.properties);
    expect(result).toMatchObject({ valid: true });
    expect(table.properties).toMatchObject({
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      globalSecondaryIndexes: [
        {
          indexName: 'userId-index',
          keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
        },
      ],
      timeToLive: { attributeName: 'expiresAt', enabled: true },
    });
  });

  it('runs session-api on 8080 with its table, probes and resources', () => {
    expect(api.type).toBe('webservice');
    expect(api.properties.image).toBe('session-api:latest');
    expect(api.properties.ports).toEqual([{ port: 8080, expose: true }]);
    const env = Object.fromEntries(
      api.properties.env.map((e: any) => [e.name, e.value]),
    );
    expect(env).toEqual({
      DYNAMODB_TABLE_NAME: table.properties.name,
      AWS_REGION: table.properties.region,
      SESSION_TTL_HOURS: '24',
      PORT: '8080',
    });
    expect(api.properties.readinessProbe.httpGet).toEqual({
      path: '/ready',
      port: 8080,
    });
    expect(api.properties.livenessProbe.httpGet).toEqual({
      path: '/health',
      port: 8080,
    });
    expect(api.traits).toEqual([
      { type: 'scaler', properties: { replicas: 1 } },
      { type: 'resource', properties: { cpu: '250m', memory: '256Mi' } },
    ]);
  });
});
