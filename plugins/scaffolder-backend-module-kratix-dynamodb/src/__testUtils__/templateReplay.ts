/**
 * Reads a software template the way the wizard and the scaffolder would use it: the values a
 * form starts with, and the step input with `${{ parameters.x }}` filled in. Only what the
 * templates here use is supported: plain parameter references, whole or inside a string.
 */
import fs from 'node:fs';
import { parse } from 'yaml';

type JsonSchema = {
  type?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  dependencies?: Record<string, { oneOf?: JsonSchema[] }>;
  items?: JsonSchema;
  [key: string]: unknown;
};

export type Template = {
  metadata: { name: string };
  spec: {
    parameters: Array<JsonSchema & { title: string; required?: string[] }>;
    steps: Array<{
      id: string;
      action: string;
      input: Record<string, unknown>;
    }>;
    output?: Record<string, unknown>;
  };
};

export function loadTemplate(file: string): Template {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** A field's starting value, as the form fills it: its default, or its fields' defaults. */
function startingValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.type !== 'object' || !schema.properties) return undefined;
  const nested = Object.entries(schema.properties)
    .map(([key, child]) => [key, startingValue(child)] as const)
    .filter(([, value]) => value !== undefined);
  return nested.length ? Object.fromEntries(nested) : undefined;
}

/** The values every page of the form starts with, before the user types anything. */
export function formStartingValues(
  template: Template,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const page of template.spec.parameters) {
    for (const [key, schema] of Object.entries(page.properties ?? {})) {
      const value = startingValue(schema);
      if (value !== undefined) values[key] = value;
    }
  }
  return values;
}

const WHOLE_REFERENCE = /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/;
const INLINE_REFERENCE = /\$\{\{\s*parameters\.(\w+)\s*\}\}/g;

/** The parameter names a step input refers to. */
export function referencedParameters(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(INLINE_REFERENCE)].map(match => match[1]);
}

/**
 * The input as the scaffolder renders it: a whole-value reference keeps the parameter's type
 * (and drops the key when the parameter is unset); a reference inside text becomes text.
 */
export function fillInParameters(
  value: unknown,
  parameters: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') {
    const whole = value.match(WHOLE_REFERENCE);
    if (whole) return parameters[whole[1]];
    return value.replace(INLINE_REFERENCE, (_, name) =>
      String(parameters[name] ?? ''),
    );
  }
  if (Array.isArray(value))
    return value.map(item => fillInParameters(item, parameters));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(
        ([key, child]) => [key, fillInParameters(child, parameters)] as const,
      )
      .filter(([, child]) => child !== undefined);
    return Object.fromEntries(entries);
  }
  return value;
}

/** Every schema in the form under a property name, including those inside dependencies. */
export function formFieldsNamed(
  template: Template,
  name: string,
): JsonSchema[] {
  const found: JsonSchema[] = [];
  const visit = (schema: unknown) => {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema)) {
      schema.forEach(visit);
      return;
    }
    const properties = (schema as JsonSchema).properties;
    if (properties?.[name]) found.push(properties[name]);
    Object.values(schema).forEach(visit);
  };
  visit(template.spec.parameters);
  return found;
}

/**
 * The first step's input as the wizard would send it: the form's starting values, then what
 * the user typed (`typed`), filled into the step.
 */
export function firstStepInput(
  template: Template,
  typed: Record<string, unknown>,
): Record<string, unknown> {
  const parameters = { ...formStartingValues(template), ...typed };
  return fillInParameters(template.spec.steps[0].input, parameters) as Record<
    string,
    unknown
  >;
}
