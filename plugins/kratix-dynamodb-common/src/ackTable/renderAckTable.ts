/**
 * DynamoDBRequest in, ACK Table out. Pure: no files, no environment, no clock, so the
 * workflow pipeline, the sandbox and the wizard's preview share it, and the output only
 * depends on the request.
 */
import { ACK_TABLE_GVK, ANNOTATIONS, LABELS } from '../constants';
import {
  describeValidationErrors,
  validateDynamoDBRequestSpec,
  type DynamoDBRequestSpec,
  type DynamoDBRequestValidationError,
  type KeySchemaElement,
  type ProvisionedThroughput,
} from '../request';
import type { AckTable, AckTableSpec } from './types';

/** @public Who made the Table, in its app.kubernetes.io/managed-by label. */
export const TABLE_MANAGED_BY = 'kratix';

/** @public A request as read from a cluster or a form: any spec, checked on the way in. */
export type UncheckedDynamoDBRequest = {
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec: unknown;
};

/** @public Thrown when the request's spec breaks a rule; carries every error. */
export class InvalidDynamoDBRequestError extends Error {
  readonly errors: DynamoDBRequestValidationError[];

  constructor(errors: DynamoDBRequestValidationError[]) {
    super(
      `Invalid DynamoDBRequest: ${describeValidationErrors(errors).join('; ')}`,
    );
    this.name = 'InvalidDynamoDBRequestError';
    this.errors = errors;
  }
}

const keys = (schema: KeySchemaElement[]) =>
  schema.map(({ attributeName, keyType }) => ({ attributeName, keyType }));

const capacity = (throughput: ProvisionedThroughput | undefined) =>
  throughput && {
    readCapacityUnits: throughput.readCapacityUnits,
    writeCapacityUnits: throughput.writeCapacityUnits,
  };

/** Leaves out the optional fields that are unset, so the manifest holds no nulls. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as T;
}

/** @public The ACK spec for a validated request spec. */
export function renderAckTableSpec(spec: DynamoDBRequestSpec): AckTableSpec {
  return withoutUndefined({
    tableName: spec.name,
    attributeDefinitions: spec.attributeDefinitions.map(({ name, type }) => ({
      attributeName: name,
      attributeType: type,
    })),
    keySchema: keys(spec.keySchema),
    billingMode: spec.billingMode,
    provisionedThroughput: capacity(spec.provisionedThroughput),
    globalSecondaryIndexes: spec.globalSecondaryIndexes?.map(index =>
      withoutUndefined({
        indexName: index.indexName,
        keySchema: keys(index.keySchema),
        projection: withoutUndefined({
          projectionType: index.projection.projectionType,
          nonKeyAttributes: index.projection.nonKeyAttributes,
        }),
        provisionedThroughput: capacity(index.provisionedThroughput),
      }),
    ),
    timeToLive: spec.timeToLive && {
      attributeName: spec.timeToLive.attributeName,
      enabled: spec.timeToLive.enabled,
    },
    // ACK wants a list of {key, value}; sorted so the output is stable.
    tags:
      spec.tags &&
      Object.keys(spec.tags)
        .sort()
        .map(key => ({ key, value: spec.tags![key] })),
  });
}

/** The catalog links a Table back to its entity through these, when the request has them. */
function linkAnnotations(from: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    [ANNOTATIONS.entityRef, ANNOTATIONS.owner]
      .filter(key => typeof from[key] === 'string')
      .map(key => [key, from[key]]),
  );
}

/** @public The Table for a request whose spec has been validated, with its defaults applied. */
export function buildAckTable(
  metadata: UncheckedDynamoDBRequest['metadata'],
  spec: DynamoDBRequestSpec,
): AckTable {
  const namespace = metadata.namespace ?? 'default';
  return {
    apiVersion: `${ACK_TABLE_GVK.group}/${ACK_TABLE_GVK.version}`,
    kind: ACK_TABLE_GVK.kind,
    metadata: {
      name: metadata.name,
      namespace,
      labels: {
        [LABELS.requestName]: metadata.name,
        [LABELS.requestNamespace]: namespace,
        [LABELS.managedBy]: TABLE_MANAGED_BY,
      },
      annotations: {
        ...linkAnnotations(metadata.annotations ?? {}),
        [ANNOTATIONS.ackRegion]: spec.region,
        [ANNOTATIONS.ackDeletionPolicy]: spec.deletionPolicy,
      },
    },
    spec: renderAckTableSpec(spec),
  };
}

/**
 * The ACK Table manifest for a DynamoDBRequest. Throws InvalidDynamoDBRequestError, with
 * every problem, when the spec breaks a rule.
 * @public
 */
export function renderAckTable(request: UncheckedDynamoDBRequest): AckTable {
  const result = validateDynamoDBRequestSpec(request.spec);
  if (!result.valid) throw new InvalidDynamoDBRequestError(result.errors);
  return buildAckTable(request.metadata, result.spec);
}
