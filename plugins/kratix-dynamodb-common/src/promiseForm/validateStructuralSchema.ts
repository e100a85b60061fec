import type { OpenApiSchema } from './openApiSchema';

/** @public A field the structural check refuses, worded as the API server words it. */
export type StructuralSchemaError = {
  /** The field's path, e.g. `spec.retention.days` or `spec.corsOrigins[1]`. */
  path: string;
  message: string;
};

/** @public */
export type StructuralSchemaResult = {
  /** The value after defaulting and dropping nulls, as the API server would store it. */
  value: unknown;
  errors: StructuralSchemaError[];
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function typeMatches(value: unknown, type: OpenApiSchema['type']): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/** Patterns are Go (RE2) regular expressions; JavaScript's unicode mode reads those we meet. */
function patternMatches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return new RegExp(pattern).test(text);
  }
}

const quote = (v: unknown) => JSON.stringify(v);

class StructuralCheck {
  readonly errors: StructuralSchemaError[] = [];

  #fail(path: string, message: string) {
    this.errors.push({ path, message });
  }

  walk(value: unknown, schema: OpenApiSchema, path: string): unknown {
    if (schema['x-kubernetes-int-or-string']) {
      if (!(typeof value === 'string' || Number.isInteger(value))) {
        this.#fail(
          path,
          `Invalid value: ${quote(value)}: must be an integer or a string`,
        );
        return value;
      }
    } else if (schema.type && !typeMatches(value, schema.type)) {
      this.#fail(
        path,
        `Invalid value: ${quote(value)}: must be of type ${schema.type}`,
      );
      return value;
    }
    this.#values(value, schema, path);
    if (isObject(value) && !schema['x-kubernetes-int-or-string'])
      return this.#object(value, schema, path);
    if (Array.isArray(value) && schema.items)
      return value.map((item, i) =>
        this.walk(item, schema.items!, `${path}[${i}]`),
      );
    return value;
  }

  #values(value: unknown, s: OpenApiSchema, path: string) {
    if (
      s.enum &&
      !s.enum.some(e => JSON.stringify(e) === JSON.stringify(value))
    )
      this.#fail(
        path,
        `Unsupported value: ${quote(value)}: supported values: ${s.enum
          .map(quote)
          .join(', ')}`,
      );
    if (typeof value === 'number') {
      if (
        s.minimum !== undefined &&
        (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)
      )
        this.#fail(
          path,
          `Invalid value: ${value}: should be greater than ${
            s.exclusiveMinimum ? '' : 'or equal to '
          }${s.minimum}`,
        );
      if (
        s.maximum !== undefined &&
        (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum)
      )
        this.#fail(
          path,
          `Invalid value: ${value}: should be less than ${
            s.exclusiveMaximum ? '' : 'or equal to '
          }${s.maximum}`,
        );
      if (s.multipleOf && !Number.isInteger(value / s.multipleOf))
        this.#fail(
          path,
          `Invalid value: ${value}: should be a multiple of ${s.multipleOf}`,
        );
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (s.minLength !== undefined && length < s.minLength)
        this.#fail(
          path,
          `Invalid value: ${quote(value)}: should be at least ${
            s.minLength
          } chars long`,
        );
      if (s.maxLength !== undefined && length > s.maxLength)
        this.#fail(path, `Too long: may not be more than ${s.maxLength} chars`);
      if (s.pattern && !patternMatches(s.pattern, value))
        this.#fail(
          path,
          `Invalid value: ${quote(value)}: should match '${s.pattern}'`,
        );
    }
    if (Array.isArray(value)) {
      if (s.minItems !== undefined && value.length < s.minItems)
        this.#fail(
          path,
          `Invalid value: ${value.length}: should have at least ${s.minItems} items`,
        );
      if (s.maxItems !== undefined && value.length > s.maxItems)
        this.#fail(
          path,
          `Too many: ${value.length}: must have at most ${s.maxItems} items`,
        );
      if (s.uniqueItems || s['x-kubernetes-list-type'] === 'set') {
        const seen = value.map(v => JSON.stringify(v));
        const dup = seen.findIndex((v, i) => seen.indexOf(v) !== i);
        if (dup >= 0)
          this.#fail(`${path}[${dup}]`, `Duplicate value: ${seen[dup]}`);
      }
    }
    if (isObject(value)) {
      const count = Object.keys(value).length;
      if (s.minProperties !== undefined && count < s.minProperties)
        this.#fail(
          path,
          `Invalid value: ${count}: should have at least ${s.minProperties} properties`,
        );
      if (s.maxProperties !== undefined && count > s.maxProperties)
        this.#fail(
          path,
          `Too many: ${count}: must have at most ${s.maxProperties} items`,
        );
    }
  }

  #object(value: Record<string, unknown>, s: OpenApiSchema, path: string) {
    const out: Record<string, unknown> = {};
    const keepUnknown =
      s['x-kubernetes-preserve-unknown-fields'] === true ||
      s.additionalProperties === true;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const childSchema =
        s.properties?.[key] ??
        (isObject(s.additionalProperties)
          ? (s.additionalProperties as OpenApiSchema)
          : undefined);
      // The API server drops nulls of fields that are not nullable, before defaulting.
      if (child === null && !childSchema?.nullable && childSchema) continue;
      if (childSchema) out[key] = this.walk(child, childSchema, childPath);
      else if (keepUnknown) out[key] = child;
      else this.#fail(childPath, 'field not declared in schema');
    }
    for (const [key, childSchema] of Object.entries(s.properties ?? {}))
      if (out[key] === undefined && childSchema.default !== undefined)
        out[key] = this.walk(
          structuredClone(childSchema.default),
          childSchema,
          path ? `${path}.${key}` : key,
        );
    for (const key of s.required ?? [])
      if (out[key] === undefined)
        this.#fail(path ? `${path}.${key}` : key, 'Required value');
    return out;
  }
}

/**
 * Checks a value against a CRD's structural schema with the rules the API server applies:
 * types, int-or-string, enums, bounds, lengths, patterns, item and property counts, required
 * fields, defaults, nulls dropped, and unknown fields refused (as `kubectl` and
 * fieldValidation=Strict refuse them) unless the schema preserves them.
 * @public
 */
export function validateStructuralSchema(
  value: unknown,
  schema: OpenApiSchema,
  path = '',
): StructuralSchemaResult {
  const check = new StructuralCheck();
  const checked = check.walk(value, schema, path);
  return { value: checked, errors: check.errors };
}
