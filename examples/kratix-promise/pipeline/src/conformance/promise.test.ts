/**
 * The Promise file itself: a valid Kratix Promise whose workflows are Kratix Pipelines, and
 * whose API is a well-formed CRD for DynamoDBRequest that states the rules of -common.
 */
import {
  ATTRIBUTE_TYPES,
  AWS_REGION_CODES,
  AWS_TAG_PATTERN,
  BILLING_MODES,
  DEFAULT_DELETION_POLICY,
  DELETION_POLICIES,
  DYNAMODB_LIMITS as LIMITS,
  DYNAMODB_NAME_PATTERN,
  DYNAMODB_PROMISE_NAME,
  DYNAMODB_REQUEST_GVK,
  KEY_TYPES,
  PROJECTION_TYPES,
  dynamoDBRequestSpecShape,
} from '@kratix-dynamodb/common';
import {
  crdSchema,
  crdValidator,
  schemaValidator,
} from '../__testUtils__/kubernetesSchema';
import {
  explainUpstreamAbsent,
  UPSTREAM_PRESENT,
  readUpstreamYaml,
} from '../__testUtils__/repoFiles';
import { promiseFile } from '../__testUtils__/requestExamples';

const promise = promiseFile();
const api = promise.spec.api;
const schema = crdSchema(api, DYNAMODB_REQUEST_GVK.version);
const spec = schema.properties.spec.properties;
const index = spec.globalSecondaryIndexes.items.properties;

/** Paths of schema nodes without a type: Kubernetes refuses such (non-structural) schemas. */
function untypedNodes(node: any, path = ''): string[] {
  if (node['x-kubernetes-preserve-unknown-fields'] === true && !node.properties)
    return [];
  const own = node.type ? [] : [path || '/'];
  const children = [
    ...Object.entries(node.properties ?? {}).map(([key, child]) =>
      untypedNodes(child, `${path}.${key}`),
    ),
    node.items ? untypedNodes(node.items, `${path}[]`) : [],
    typeof node.additionalProperties === 'object'
      ? untypedNodes(node.additionalProperties, `${path}{}`)
      : [],
  ];
  return [...own, ...children.flat()];
}

describe('promise.yaml against the upstream Kratix Promise CRD', () => {
  if (!UPSTREAM_PRESENT) {
    it('upstream CRDs absent: conformance not run (set KRATIX_DYNAMODB_UPSTREAM_DIR)', () => {
      expect(
        explainUpstreamAbsent(
          'promise.yaml against the upstream Kratix Promise CRD',
        ),
      ).toBe(true);
    });
  } else {
    it('is a valid Promise', () => {
      const validatePromise = crdValidator(
        readUpstreamYaml('kratix/platform.kratix.io_promises.yaml'),
      );
      expect(validatePromise(promise)).toEqual({ valid: true, errors: [] });
    });
  }
});

describe('promise.yaml', () => {
  it('is the aws-dynamodb-kratix Promise, placed on destinations that run ACK', () => {
    expect(promise.apiVersion).toBe('platform.kratix.io/v1alpha1');
    expect(promise.kind).toBe('Promise');
    expect(promise.metadata.name).toBe(DYNAMODB_PROMISE_NAME);
    expect(promise.spec.destinationSelectors).toEqual([
      { matchLabels: { 'dynamodb.kratix.io/ack-controller': 'installed' } },
    ]);
  });

  it('runs the pipeline image on configure and on delete, as Kratix Pipelines', () => {
    const validatePipeline = schemaValidator({
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      properties: {
        apiVersion: { const: 'platform.kratix.io/v1alpha1' },
        kind: { const: 'Pipeline' },
        metadata: {
          type: 'object',
          required: ['name'],
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
            },
          },
        },
        spec: {
          type: 'object',
          required: ['containers'],
          properties: {
            containers: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['name', 'image'],
                properties: {
                  name: { type: 'string' },
                  image: { type: 'string' },
                },
              },
            },
          },
        },
      },
    });
    const { configure, delete: remove } = promise.spec.workflows.resource;
    for (const pipeline of [...configure, ...remove]) {
      expect(validatePipeline(pipeline)).toEqual({ valid: true, errors: [] });
      expect(pipeline.spec.containers[0].image).toBe(
        'ghcr.io/example/dynamodb-request-pipeline:0.1.0',
      );
    }
    expect(configure).toHaveLength(1);
    expect(remove).toHaveLength(1);
  });

  it('offers DynamoDBRequest as a namespaced CRD with a status subresource', () => {
    expect(api.apiVersion).toBe('apiextensions.k8s.io/v1');
    expect(api.kind).toBe('CustomResourceDefinition');
    expect(api.metadata.name).toBe(
      `dynamodbrequests.${DYNAMODB_REQUEST_GVK.group}`,
    );
    expect(api.spec.group).toBe(DYNAMODB_REQUEST_GVK.group);
    expect(api.spec.names).toMatchObject({
      kind: DYNAMODB_REQUEST_GVK.kind,
      plural: 'dynamodbrequests',
    });
    expect(api.spec.scope).toBe('Namespaced');
    const [version] = api.spec.versions;
    expect(version).toMatchObject({
      name: 'v1alpha1',
      served: true,
      storage: true,
      subresources: { status: {} },
    });
    expect(schema.properties.status).toEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
  });

  it('prints the table name, region, billing mode, status message and age', () => {
    const columns = api.spec.versions[0].additionalPrinterColumns.map(
      (c: any) => [c.name, c.jsonPath],
    );
    expect(columns).toEqual([
      ['Table', '.spec.name'],
      ['Region', '.spec.region'],
      ['Billing', '.spec.billingMode'],
      ['Status', '.status.message'],
      ['Age', '.metadata.creationTimestamp'],
    ]);
  });

  it('has a structural schema: every field has a type', () => {
    expect(untypedNodes(schema)).toEqual([]);
  });

  it('has the same fields as the request schema in -common, and requires the same ones', () => {
    const shape = dynamoDBRequestSpecShape.shape;
    expect(Object.keys(spec).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.entries(shape)
      .filter(([, field]) => !field.isOptional())
      .map(([key]) => key);
    expect([...schema.properties.spec.required].sort()).toEqual(
      required.sort(),
    );
  });

  it('lists the same values as -common', () => {
    expect(spec.region.enum).toEqual(AWS_REGION_CODES);
    expect(spec.billingMode.enum).toEqual(BILLING_MODES);
    expect(spec.attributeDefinitions.items.properties.type.enum).toEqual(
      ATTRIBUTE_TYPES,
    );
    expect(spec.keySchema.items.properties.keyType.enum).toEqual(KEY_TYPES);
    expect(index.keySchema).toEqual(spec.keySchema);
    expect(index.projection.properties.projectionType.enum).toEqual(
      PROJECTION_TYPES,
    );
    expect(spec.deletionPolicy.enum).toEqual(DELETION_POLICIES);
    expect(spec.deletionPolicy.default).toBe(DEFAULT_DELETION_POLICY);
  });

  it('states the same limits and patterns as -common', () => {
    for (const name of [spec.name, index.indexName]) {
      expect(name).toMatchObject({
        minLength: LIMITS.nameMinLength,
        maxLength: LIMITS.nameMaxLength,
        pattern: DYNAMODB_NAME_PATTERN.source,
      });
    }
    expect(spec.keySchema).toMatchObject({
      minItems: 1,
      maxItems: LIMITS.keySchemaMaxLength,
    });
    expect(spec.globalSecondaryIndexes.maxItems).toBe(
      LIMITS.globalSecondaryIndexesMax,
    );
    expect(index.projection.properties.nonKeyAttributes.maxItems).toBe(
      LIMITS.nonKeyAttributesPerIndexMax,
    );
    expect(
      spec.provisionedThroughput.properties.readCapacityUnits.minimum,
    ).toBe(LIMITS.capacityUnitsMin);
    expect(index.provisionedThroughput).toEqual(spec.provisionedThroughput);
    expect(spec.tags.maxProperties).toBe(LIMITS.tagsMax);
    expect(spec.tags.additionalProperties).toMatchObject({
      maxLength: LIMITS.tagValueMaxLength,
      pattern: AWS_TAG_PATTERN.source,
    });
  });
});
