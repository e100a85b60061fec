/**
 * Annotations (and one label) a platform team puts on a Promise to refine the template that
 * the catalog module generates from it. Every one is optional; the README lists them.
 * @public
 */
export const PROMISE_TEMPLATE_ANNOTATIONS = {
  /** The template's title; default `<Kind> (Kratix)`. */
  title: 'backstage.kratix.io/title',
  /** The template's description; default the schema's description. */
  description: 'backstage.kratix.io/description',
  /** Comma-separated tags added to `kratix` and the Promise name. */
  tags: 'backstage.kratix.io/tags',
  /** The owner as an entity ref (`group:default/storage`); wins over the label. */
  owner: 'backstage.kratix.io/owner',
  /** Comma-separated spec fields shown first, in this order; the rest follow in schema order. */
  formOrder: 'backstage.kratix.io/form-order',
  /** Steps of spec fields: `Title=field,field;Other title=field`. Unlisted fields go to a last step. */
  formSteps: 'backstage.kratix.io/form-steps',
  /** JSON: `ui:` options by field, nested like the spec (`{"policy":{"ui:help":"..."}}`). */
  uiSchema: 'backstage.kratix.io/ui-schema',
  /** `"false"`: generate no template (the Promise has a hand-made one). */
  generateTemplate: 'backstage.kratix.io/generate-template',
} as const;

/** @public Label with the owning group's name, for tools that can only set labels. */
export const PROMISE_OWNER_LABEL = 'backstage.kratix.io/owner';

/** @public How a Promise's annotations refine its form. */
export type PromiseFormHints = {
  order: string[];
  steps: Array<{ title: string; fields: string[] }>;
  ui: Record<string, unknown>;
};

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);

/**
 * The form hints of a Promise's annotations. A malformed annotation is reported, not thrown:
 * the template is still generated, without that refinement.
 * @public
 */
export function readPromiseFormHints(
  annotations: Record<string, string> | undefined,
): { hints: PromiseFormHints; problems: string[] } {
  const a = annotations ?? {};
  const problems: string[] = [];
  const steps: PromiseFormHints['steps'] = [];
  for (const part of (a[PROMISE_TEMPLATE_ANNOTATIONS.formSteps] ?? '')
    .split(';')
    .map(s => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      problems.push(
        `${PROMISE_TEMPLATE_ANNOTATIONS.formSteps}: '${part}' is not 'Title=field,field'`,
      );
      continue;
    }
    steps.push({
      title: part.slice(0, eq).trim(),
      fields: list(part.slice(eq + 1)),
    });
  }
  let ui: Record<string, unknown> = {};
  const uiText = a[PROMISE_TEMPLATE_ANNOTATIONS.uiSchema];
  if (uiText) {
    try {
      const parsed = JSON.parse(uiText);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not a JSON object');
      ui = parsed;
    } catch (error) {
      problems.push(
        `${PROMISE_TEMPLATE_ANNOTATIONS.uiSchema}: ${(error as Error).message}`,
      );
    }
  }
  return {
    hints: {
      order: list(a[PROMISE_TEMPLATE_ANNOTATIONS.formOrder]),
      steps,
      ui,
    },
    problems,
  };
}
