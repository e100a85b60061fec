import { isFreeFormField, type OpenApiSchema } from './openApiSchema';

/**
 * A JSON Schema property of a scaffolder form, with its `ui:` keys inline.
 * @public
 */
export type FormField = Record<string, unknown>;

/** Formats the form's validator (ajv with ajv-formats) knows; Kubernetes' int32, byte, ... it does not. */
const FORM_FORMATS = new Set([
  'date',
  'date-time',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uuid',
]);

/** Copied as they are: JSON Schema and OpenAPI mean the same by them. */
const SAME_KEYWORDS = [
  'description',
  'enum',
  'multipleOf',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

/**
 * `maxConnections` → `Max connections`: what a field without a title is called.
 * @public
 */
export function titleOfField(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-US');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/**
 * An int-or-string field: a text box that takes a whole number or a string. The schema's
 * pattern (which the API server applies to strings only) is widened to let numbers through;
 * the action turns digits back into an integer.
 */
function intOrStringField(schema: OpenApiSchema): FormField {
  const number = '^-?[0-9]+$';
  return {
    type: 'string',
    ...(schema.pattern ? { pattern: `${number}|${schema.pattern}` } : {}),
    ...(schema.default !== undefined
      ? { default: String(schema.default) }
      : {}),
    ...(schema.enum ? { enum: schema.enum.map(String) } : {}),
    'ui:help': 'A whole number or a text value',
  };
}

/** Bounds: OpenAPI 3.0's exclusive flags are booleans beside the bound, JSON Schema's are the bound. */
function bounds(schema: OpenApiSchema): FormField {
  const out: FormField = {};
  if (schema.minimum !== undefined)
    out[schema.exclusiveMinimum ? 'exclusiveMinimum' : 'minimum'] =
      schema.minimum;
  if (schema.maximum !== undefined)
    out[schema.exclusiveMaximum ? 'exclusiveMaximum' : 'maximum'] =
      schema.maximum;
  return out;
}

/**
 * Where a field sits in the form: what its parent requires of it.
 * @public
 */
export type FormFieldContext = {
  /** Whether the parent requires this field. */
  required: boolean;
  /** Inside an object the user may leave out: defaults stay off the form there. */
  insideOptional: boolean;
};

/**
 * One field of the generated form from a CRD schema node. Inside an object the user may leave
 * out, required children are enforced only once one of its fields is filled in, and defaults
 * are left to the API server, so an untouched optional object submits nothing.
 * @public
 */
export function openApiToFormField(
  key: string,
  schema: OpenApiSchema,
  context: FormFieldContext = { required: true, insideOptional: false },
): FormField {
  const field: FormField = { title: schema.title ?? titleOfField(key) };
  if (schema['x-kubernetes-int-or-string'])
    return { ...field, ...pick(schema), ...intOrStringField(schema) };
  if (isFreeFormField(schema))
    return {
      ...field,
      ...(schema.description ? { description: schema.description } : {}),
      type: 'string',
      'ui:widget': 'textarea',
      'ui:help': 'YAML or JSON',
      'ui:options': { rows: 6 },
    };
  Object.assign(field, pick(schema), bounds(schema));
  // The form keeps an untouched optional list as [], which minItems would refuse, so Next
  // would never let the user leave it out. Such a list may stay empty here; once it has items,
  // the action (and the dry run) check the count with the API server's rules.
  if (schema.type === 'array' && !context.required) delete field.minItems;
  if (schema.type) field.type = schema.type;
  if (schema.format && FORM_FORMATS.has(schema.format))
    field.format = schema.format;
  if (schema.default !== undefined && !context.insideOptional)
    field.default = schema.default;
  if (schema.type === 'object')
    Object.assign(field, objectParts(schema, context));
  if (schema.type === 'array' && schema.items) {
    // Each item is added on purpose, so inside it the usual required and defaults apply.
    field.items = openApiToFormField('item', schema.items);
    delete (field.items as FormField).title;
    if (schema['x-kubernetes-list-type'] === 'set') field.uniqueItems = true;
  }
  return field;
}

function pick(schema: OpenApiSchema): FormField {
  const out: FormField = {};
  for (const k of SAME_KEYWORDS)
    if (schema[k] !== undefined) out[k] = schema[k];
  return out;
}

function objectParts(
  schema: OpenApiSchema,
  context: FormFieldContext,
): FormField {
  const out: FormField = {};
  const required = schema.required ?? [];
  const optional = context.insideOptional || !context.required;
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, child]) => [
        k,
        openApiToFormField(k, child, {
          required: required.includes(k),
          insideOptional: optional,
        }),
      ]),
    );
    if (required.length) {
      if (optional)
        Object.assign(out, {
          if: { minProperties: 1 },
          then: { required },
        });
      else out.required = required;
    }
  }
  if (typeof schema.additionalProperties === 'object')
    out.additionalProperties = openApiToFormField(
      'value',
      schema.additionalProperties,
    );
  return out;
}
