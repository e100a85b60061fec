/**
 * Reads a software template the way the wizard and the scaffolder would use it: the values a
 * form starts with, and the step input with its `${{ ... }}` expressions rendered by the
 * scaffolder's own template renderer (nunjitsu, as NunjucksWorkflowRunner configures it).
 */
import fs from 'node:fs';
import { createTemplateRenderer, type TemplateContext } from 'nunjitsu';
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

const PARAMETER_REFERENCE = /parameters\.(\w+)/g;

/** The parameter names a step input refers to (the first segment of `parameters.a.b`). */
export function referencedParameters(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(PARAMETER_REFERENCE)].map(match => match[1]);
}

const renderer = createTemplateRenderer({ allowRegexExecution: true });

/**
 * The input as the scaffolder renders it (NunjucksWorkflowRunner.render): every string through
 * the renderer; a whole-value expression keeps its type, and an unset one drops its key.
 */
export function fillInParameters(
  value: unknown,
  parameters: Record<string, unknown>,
): unknown {
  return JSON.parse(JSON.stringify(value), (_key, child) => {
    if (typeof child !== 'string') return child;
    try {
      // Form values are JSON, which the renderer's own value type covers.
      return renderer.renderValue(child, { parameters } as TemplateContext);
    } catch {
      return child;
    }
  });
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
