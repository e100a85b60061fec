/**
 * Reads the request Kratix hands the pipeline (object.yaml) and checks what the spec rules
 * cannot: that it is a DynamoDBRequest, and that its name fits in the Table's labels.
 */
import jsyaml from 'js-yaml';
import {
  DYNAMODB_REQUEST_GVK,
  LABELS,
  type DynamoDBRequestValidationError,
  type UncheckedDynamoDBRequest,
} from '@kratix-dynamodb/common';

/** @public The request as the pipeline reads it: any spec, checked on the way in. */
export type PipelineRequest = UncheckedDynamoDBRequest;

/** Label values hold at most 63 characters: letters, digits, '-', '_' and '.', alphanumeric at both ends. */
const LABEL_VALUE = /^[a-z0-9A-Z]([-a-z0-9A-Z_.]{0,61}[a-z0-9A-Z])?$/;

const EXPECTED_API_VERSION = `${DYNAMODB_REQUEST_GVK.group}/${DYNAMODB_REQUEST_GVK.version}`;

export type ParsedRequest =
  | { ok: true; request: PipelineRequest }
  | { ok: false; errors: DynamoDBRequestValidationError[] };

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function metadataErrors(metadata: Fields): DynamoDBRequestValidationError[] {
  const errors: DynamoDBRequestValidationError[] = [];
  const { name, namespace } = metadata;
  if (typeof name !== 'string' || !LABEL_VALUE.test(name)) {
    errors.push({
      path: 'metadata.name',
      message: `must be a name of at most 63 characters: it becomes the value of the Table's ${LABELS.requestName} label`,
    });
  }
  if (namespace !== undefined && typeof namespace !== 'string') {
    errors.push({ path: 'metadata.namespace', message: 'must be a string' });
  }
  return errors;
}

/** The request in object.yaml, or why it cannot be used. Spec rules are checked later. */
export function parseRequest(yamlText: string): ParsedRequest {
  let object: unknown;
  try {
    // YAML 1.2's core schema, as the Kubernetes API reads YAML: no timestamps turned into Dates.
    object = jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `object.yaml is not valid YAML: ${(error as Error).message}`,
        },
      ],
    };
  }
  if (!isFields(object)) {
    return {
      ok: false,
      errors: [{ path: '', message: 'object.yaml must hold one object' }],
    };
  }
  const errors: DynamoDBRequestValidationError[] = [];
  if (
    object.apiVersion !== EXPECTED_API_VERSION ||
    object.kind !== DYNAMODB_REQUEST_GVK.kind
  ) {
    errors.push({
      path: 'kind',
      message: `must be ${
        DYNAMODB_REQUEST_GVK.kind
      } (${EXPECTED_API_VERSION}); got ${String(object.kind)} (${String(
        object.apiVersion,
      )})`,
    });
  }
  const metadata = isFields(object.metadata) ? object.metadata : {};
  errors.push(...metadataErrors(metadata));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      metadata: {
        name: metadata.name as string,
        namespace: metadata.namespace as string | undefined,
        annotations: isFields(metadata.annotations)
          ? (metadata.annotations as Record<string, string>)
          : undefined,
      },
      spec: object.spec,
    },
  };
}
