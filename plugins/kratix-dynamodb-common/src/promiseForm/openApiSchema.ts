/**
 * The parts of a CRD's structural schema (apiextensions.k8s.io/v1 JSONSchemaProps) that the
 * generated form and the generic action read.
 * @public
 */
export type OpenApiSchema = {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  format?: string;
  default?: unknown;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
};

/**
 * Whether a field takes any JSON value the user types: no type and unknown fields kept.
 * @public
 */
export function isFreeFormField(schema: OpenApiSchema): boolean {
  const open =
    schema['x-kubernetes-preserve-unknown-fields'] === true ||
    schema['x-kubernetes-embedded-resource'] === true;
  return (
    open &&
    !schema['x-kubernetes-int-or-string'] &&
    (schema.type === undefined || schema.type === 'object') &&
    !schema.properties &&
    !schema.additionalProperties
  );
}

/**
 * A CRD version's spec schema, from the CRD itself (a Promise's spec.api).
 * @public
 */
export function specSchemaOfCrd(
  crd: unknown,
  version?: string,
): { version: string; root: OpenApiSchema; spec?: OpenApiSchema } | undefined {
  const versions: any[] = (crd as any)?.spec?.versions ?? [];
  const chosen = version
    ? versions.find(v => v?.name === version)
    : versions.find(v => v?.storage) ?? versions.find(v => v?.served);
  const root = chosen?.schema?.openAPIV3Schema as OpenApiSchema | undefined;
  if (!chosen || !root) return undefined;
  return { version: chosen.name, root, spec: root.properties?.spec };
}
