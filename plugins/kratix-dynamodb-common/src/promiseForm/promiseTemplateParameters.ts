import type { OpenApiSchema } from './openApiSchema';
import { openApiToFormField, type FormField } from './openApiToFormField';
import type { PromiseFormHints } from './promiseFormAnnotations';

/**
 * The form keys of the Where and Readiness steps. A spec field with one of these names is
 * asked for as `spec_<name>` instead, so the two never overwrite each other.
 * @public
 */
export const REQUEST_FORM_KEYS = {
  cluster: 'cluster',
  namespace: 'namespace',
  name: 'requestName',
  owner: 'owner',
  waitForReady: 'waitForReady',
  timeoutSeconds: 'timeoutSeconds',
} as const;

const RESERVED = new Set<string>(Object.values(REQUEST_FORM_KEYS));

/** @public The form key of a top-level spec field. */
export function formKeyOfSpecField(field: string): string {
  return RESERVED.has(field) ? `spec_${field}` : field;
}

/** @public One page of a template's form. */
export type TemplateParameterStep = {
  title: string;
  description?: string;
  required?: string[];
  properties: Record<string, FormField>;
};

/** @public */
export type PromiseFormInput = {
  /** The request kind, e.g. BucketRequest. */
  kind: string;
  /** The CRD's `spec` schema. */
  specSchema: OpenApiSchema | undefined;
  /** The cluster the template creates on. */
  cluster: string;
  hints?: PromiseFormHints;
};

/** Applies `ui:` options from the Promise's ui-schema annotation, nested like the fields. */
function withUiHints(field: FormField, ui: unknown): FormField {
  if (!ui || typeof ui !== 'object') return field;
  const out: FormField = { ...field };
  for (const [key, value] of Object.entries(ui)) {
    if (key.startsWith('ui:')) out[key] = value;
    else if (key === 'items' && out.items)
      out.items = withUiHints(out.items as FormField, value);
    else if ((out.properties as Record<string, FormField>)?.[key])
      out.properties = {
        ...(out.properties as Record<string, FormField>),
        [key]: withUiHints(
          (out.properties as Record<string, FormField>)[key],
          value,
        ),
      };
  }
  return out;
}

/** The spec fields in form order: the annotation's order first, then the schema's. */
function orderedFields(spec: OpenApiSchema, order: string[]): string[] {
  const fields = Object.keys(spec.properties ?? {});
  const first = order.filter(f => fields.includes(f));
  return [...first, ...fields.filter(f => !first.includes(f))];
}

function specSteps(input: PromiseFormInput): TemplateParameterStep[] {
  const spec = input.specSchema ?? {};
  const hints = input.hints ?? { order: [], steps: [], ui: {} };
  const required = spec.required ?? [];
  const fields = orderedFields(spec, hints.order);
  const stepOf = (title: string, names: string[]): TemplateParameterStep => {
    const step: TemplateParameterStep = {
      title,
      properties: Object.fromEntries(
        names.map(name => [
          formKeyOfSpecField(name),
          withUiHints(
            openApiToFormField(name, spec.properties![name], {
              required: required.includes(name),
              insideOptional: false,
            }),
            hints.ui[name],
          ),
        ]),
      ),
    };
    const stepRequired = names
      .filter(n => required.includes(n))
      .map(formKeyOfSpecField);
    if (stepRequired.length) step.required = stepRequired;
    return step;
  };
  const placed = new Set<string>();
  const steps = hints.steps
    .map(s => {
      const names = fields.filter(f => s.fields.includes(f) && !placed.has(f));
      // the step keeps the annotation's order where it gives one
      names.sort((a, b) => s.fields.indexOf(a) - s.fields.indexOf(b));
      names.forEach(n => placed.add(n));
      return stepOf(s.title, names);
    })
    .filter(s => Object.keys(s.properties).length);
  const rest = fields.filter(f => !placed.has(f));
  if (rest.length || !steps.length)
    steps.push(stepOf(steps.length ? 'More settings' : input.kind, rest));
  return steps;
}

/** The Where step: the pickers the hand-made templates use. */
function whereStep(input: PromiseFormInput): TemplateParameterStep {
  const k = REQUEST_FORM_KEYS;
  return {
    title: 'Where',
    required: [k.cluster, k.namespace, k.name, k.owner],
    properties: {
      [k.name]: {
        title: 'Request name',
        type: 'string',
        description: `The name of the ${input.kind} and of its catalog entity (lowercase letters, digits and "-")`,
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
        maxLength: 63,
      },
      [k.cluster]: {
        title: 'Cluster',
        type: 'string',
        default: input.cluster,
        description: 'The cluster whose Promise this template was made from',
        'ui:field': 'KratixClusterPicker',
      },
      [k.namespace]: {
        title: 'Namespace',
        type: 'string',
        default: 'default',
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
        maxLength: 63,
        'ui:field': 'KubernetesNamespacePicker',
        'ui:options': { clusterField: k.cluster },
      },
      [k.owner]: {
        title: 'Owner',
        type: 'string',
        description: 'The team that owns the request',
        'ui:field': 'OwnerPicker',
        'ui:options': { catalogFilter: { kind: ['Group', 'User'] } },
      },
    },
  };
}

function readinessStep(kind: string): TemplateParameterStep {
  return {
    title: 'Readiness',
    properties: {
      [REQUEST_FORM_KEYS.waitForReady]: {
        title: `Wait until Kratix has reconciled the ${kind}`,
        type: 'boolean',
        default: true,
      },
      [REQUEST_FORM_KEYS.timeoutSeconds]: {
        title: 'How long to wait (seconds)',
        type: 'integer',
        minimum: 30,
        maximum: 3600,
        default: 600,
      },
    },
  };
}

/**
 * The `spec.parameters` of a template generated from a Promise: the request's spec fields
 * (split into steps as the Promise's annotations say), then Where, then Readiness.
 * @public
 */
export function promiseTemplateParameters(
  input: PromiseFormInput,
): TemplateParameterStep[] {
  return [...specSteps(input), whereStep(input), readinessStep(input.kind)];
}
