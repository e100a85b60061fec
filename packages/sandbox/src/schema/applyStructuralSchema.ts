import type { StatusCause } from '../errors/ApiError';
import type { JsonSchema } from './JsonSchema';

export type SchemaOutcome = {
  /** The object after pruning unknown fields and applying defaults. */
  value: Record<string, unknown>;
  /** Validation failures, worded as the API server words them. */
  causes: StatusCause[];
  /** Paths of fields the schema does not declare (pruned; rejected under fieldValidation=Strict). */
  unknownFields: string[];
};

/** Root fields every object keeps whatever its schema says (the apiserver handles them itself). */
const ROOT_META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

class SchemaWalker {
  causes: StatusCause[] = [];
  unknownFields: string[] = [];

  walk(value: unknown, schema: JsonSchema, path: string): unknown {
    if (schema['x-kubernetes-int-or-string']) {
      if (!(typeof value === 'string' || Number.isInteger(value)))
        this.#typeInvalid(path, value, 'int-or-string');
      return value;
    }
    if (schema.type && !matchesType(value, schema.type)) {
      this.#typeInvalid(path, value, schema.type);
      return value;
    }
    this.#checkValue(value, schema, path);
    if (isPlainObject(value)) return this.#walkObject(value, schema, path);
    if (Array.isArray(value)) return this.#walkArray(value, schema, path);
    return value;
  }

  #walkObject(
    value: Record<string, unknown>,
    schema: JsonSchema,
    path: string,
  ): Record<string, unknown> {
    const props = schema.properties ?? {};
    const additional = schema.additionalProperties;
    const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const childSchema =
        props[key] ?? (typeof additional === 'object' ? additional : undefined);
      if (child === null && !childSchema?.nullable) continue; // the apiserver prunes nulls of non-nullable fields
      if (childSchema) out[key] = this.walk(child, childSchema, childPath);
      else if (
        preserve ||
        additional === true ||
        schema['x-kubernetes-embedded-resource']
      )
        out[key] = child;
      else this.unknownFields.push(childPath);
    }
    for (const [key, childSchema] of Object.entries(props)) {
      if (out[key] === undefined && childSchema.default !== undefined) {
        out[key] = this.walk(
          structuredClone(childSchema.default),
          childSchema,
          path ? `${path}.${key}` : key,
        );
      }
    }
    for (const key of schema.required ?? []) {
      if (out[key] === undefined)
        this.#cause(
          'FieldValueRequired',
          'Required value',
          path ? `${path}.${key}` : key,
        );
    }
    const count = Object.keys(out).length;
    if (schema.minProperties !== undefined && count < schema.minProperties) {
      this.#invalid(
        path,
        out,
        `${bodyPath(path)} in body should have at least ${
          schema.minProperties
        } properties`,
      );
    }
    if (schema.maxProperties !== undefined && count > schema.maxProperties) {
      this.#cause(
        'FieldValueTooMany',
        `Too many: ${count}: must have at most ${schema.maxProperties} items`,
        path,
      );
    }
    return out;
  }

  #walkArray(value: unknown[], schema: JsonSchema, path: string): unknown[] {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.#invalid(
        path,
        value.length,
        `${bodyPath(path)} in body should have at least ${
          schema.minItems
        } items`,
      );
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      this.#cause(
        'FieldValueTooMany',
        `Too many: ${value.length}: must have at most ${schema.maxItems} items`,
        path,
      );
    }
    if (schema.uniqueItems) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const key = JSON.stringify(item);
        if (seen.has(key))
          this.#cause(
            'FieldValueDuplicate',
            `Duplicate value: ${formatValue(item)}`,
            `${path}[${i}]`,
          );
        seen.add(key);
      });
    }
    const items = schema.items;
    if (!items) return value;
    return value.map((item, i) => this.walk(item, items, `${path}[${i}]`));
  }

  #checkValue(value: unknown, schema: JsonSchema, path: string): void {
    if (
      schema.enum &&
      !schema.enum.some(e => JSON.stringify(e) === JSON.stringify(value))
    ) {
      const supported = schema.enum.map(formatValue).join(', ');
      this.#cause(
        'FieldValueNotSupported',
        `Unsupported value: ${formatValue(
          value,
        )}: supported values: ${supported}`,
        path,
      );
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (schema.maxLength !== undefined && length > schema.maxLength) {
        this.#cause(
          'FieldValueTooLong',
          `Too long: may not be more than ${schema.maxLength} bytes`,
          path,
        );
      }
      if (schema.minLength !== undefined && length < schema.minLength) {
        this.#invalid(
          path,
          value,
          `${bodyPath(path)} in body should be at least ${
            schema.minLength
          } chars long`,
        );
      }
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
        this.#invalid(
          path,
          value,
          `${bodyPath(path)} in body should match '${schema.pattern}'`,
        );
      }
    }
    if (typeof value === 'number') {
      if (
        schema.minimum !== undefined &&
        (schema.exclusiveMinimum
          ? value <= schema.minimum
          : value < schema.minimum)
      ) {
        const rel = schema.exclusiveMinimum
          ? 'greater than'
          : 'greater than or equal to';
        this.#invalid(
          path,
          value,
          `${bodyPath(path)} in body should be ${rel} ${schema.minimum}`,
        );
      }
      if (
        schema.maximum !== undefined &&
        (schema.exclusiveMaximum
          ? value >= schema.maximum
          : value > schema.maximum)
      ) {
        const rel = schema.exclusiveMaximum
          ? 'less than'
          : 'less than or equal to';
        this.#invalid(
          path,
          value,
          `${bodyPath(path)} in body should be ${rel} ${schema.maximum}`,
        );
      }
    }
  }

  #typeInvalid(path: string, value: unknown, expected: string): void {
    const actual = typeName(value);
    this.causes.push({
      reason: 'FieldValueTypeInvalid',
      message: `Invalid value: "${actual}": ${bodyPath(
        path,
      )} in body must be of type ${expected}: "${actual}"`,
      field: path,
    });
  }

  #invalid(path: string, value: unknown, detail: string): void {
    this.#cause(
      'FieldValueInvalid',
      `Invalid value: ${formatValue(value)}: ${detail}`,
      path,
    );
  }

  #cause(reason: string, message: string, field: string): void {
    this.causes.push({ reason, message, field });
  }
}

function bodyPath(path: string): string {
  return path || 'body';
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function formatValue(value: unknown): string {
  return typeof value === 'object' && value !== null
    ? JSON.stringify(value)
    : JSON.stringify(value) ?? String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function omit<T>(
  record: Record<string, T>,
  keys: Set<string>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).filter(([k]) => !keys.has(k)),
  );
}

/**
 * Applies a CRD's structural openAPIV3Schema the way the API server does on write: drop nulls and
 * unknown fields, fill defaults, then validate. It covers the keywords CRDs of this project use;
 * CEL rules (x-kubernetes-validations) are not evaluated.
 */
export function applyStructuralSchema(
  object: Record<string, unknown>,
  schema: JsonSchema,
): SchemaOutcome {
  const walker = new SchemaWalker();
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) {
    if (ROOT_META_FIELDS.has(key)) value[key] = v;
  }
  const rest = Object.fromEntries(
    Object.entries(object).filter(([k]) => !ROOT_META_FIELDS.has(k)),
  );
  const rootProps = {
    ...schema,
    properties: omit(schema.properties ?? {}, ROOT_META_FIELDS),
    required: schema.required?.filter(r => !ROOT_META_FIELDS.has(r)),
  };
  Object.assign(
    value,
    walker.walk(rest, rootProps, '') as Record<string, unknown>,
  );
  return { value, causes: walker.causes, unknownFields: walker.unknownFields };
}
