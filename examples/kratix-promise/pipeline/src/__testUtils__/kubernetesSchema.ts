/**
 * Validates objects against a CRD's openAPIV3Schema with ajv, as the Kubernetes API server
 * would. Test-only. Two API server behaviours are reproduced: unknown fields are refused
 * (kubectl's default strict field validation; without it they would be pruned silently),
 * and Kubernetes' own x-kubernetes-* keywords are accepted. CEL rules
 * (x-kubernetes-validations) are not evaluated.
 */
import Ajv, { type ErrorObject } from 'ajv';

const KUBERNETES_KEYWORDS = [
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
];

type Schema = Record<string, any>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (record: Schema, change: (value: Schema) => Schema) =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, change(value)]),
  );

/** A copy of the schema in which objects with declared fields refuse all others. */
export function refuseUnknownFields(schema: Schema): Schema {
  if (!isSchema(schema)) return schema;
  const copy: Schema = { ...schema };
  if (isSchema(copy.properties))
    copy.properties = mapValues(copy.properties, refuseUnknownFields);
  if (isSchema(copy.items)) copy.items = refuseUnknownFields(copy.items);
  if (isSchema(copy.additionalProperties)) {
    copy.additionalProperties = refuseUnknownFields(copy.additionalProperties);
  }
  for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(copy[combinator]))
      copy[combinator] = copy[combinator].map(refuseUnknownFields);
  }
  const closes =
    copy.properties &&
    copy.additionalProperties === undefined &&
    copy['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closes) copy.additionalProperties = false;
  return copy;
}

function newAjv() {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // Kubernetes formats only annotate integers and strings here; they are not checked.
    formats: { int32: true, int64: true, 'date-time': true, byte: true },
  });
  ajv.addVocabulary(KUBERNETES_KEYWORDS);
  return ajv;
}

/** The openAPIV3Schema of one version of a CRD (the storage version by default). */
export function crdSchema(crd: Schema, version?: string): Schema {
  const versions: Schema[] = crd.spec.versions;
  const chosen = versions.find(v =>
    version ? v.name === version : v.storage !== false,
  );
  if (!chosen)
    throw new Error(`${crd.metadata.name} has no version ${version}`);
  return chosen.schema.openAPIV3Schema;
}

export type SchemaVerdict = { valid: boolean; errors: string[] };

const describeError = (error: ErrorObject) =>
  `${error.instancePath || '/'} ${error.message}${
    error.params && 'additionalProperty' in error.params
      ? ` (${String(error.params.additionalProperty)})`
      : ''
  }`;

/** A validator for objects of the CRD's kind, as the API server would judge them. */
export function crdValidator(crd: Schema, version?: string) {
  const validate = newAjv().compile(
    refuseUnknownFields(crdSchema(crd, version)),
  );
  return (object: unknown): SchemaVerdict => {
    const valid = validate(object) as boolean;
    return { valid, errors: (validate.errors ?? []).map(describeError) };
  };
}

/** Validates against a plain JSON schema, for the parts no upstream CRD describes. */
export function schemaValidator(schema: Schema) {
  const validate = newAjv().compile(schema);
  return (object: unknown): SchemaVerdict => {
    const valid = validate(object) as boolean;
    return { valid, errors: (validate.errors ?? []).map(describeError) };
  };
}
