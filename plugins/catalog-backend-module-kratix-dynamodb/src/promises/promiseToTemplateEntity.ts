import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  DYNAMODB_PROMISE_NAME,
  PROMISE_OWNER_LABEL,
  PROMISE_TEMPLATE_ANNOTATIONS,
  REQUEST_FORM_KEYS,
  promiseApiOf,
  promiseTemplateParameters,
  readPromiseFormHints,
} from '@kratix-dynamodb/common';

/** The parts of a Promise the template is made from. */
export type PromiseObject = {
  metadata: {
    name: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: { api?: unknown };
};

/** @public `kratixDynamodb.catalog.templates`. */
export type PromiseTemplateOptions = {
  /** Owner of templates whose Promise names none. */
  defaultOwner: string;
  /** Promises that get no generated template (they have a hand-made one). */
  exclude: string[];
};

/** The annotation on a generated template that names its Promise. */
export const TEMPLATE_PROMISE_ANNOTATION = ANNOTATIONS.promise;

/** The Promises whose hand-made templates this repository ships: never generated. */
export const HAND_MADE_TEMPLATE_PROMISES = [DYNAMODB_PROMISE_NAME];

const ENTITY_NAME_MAX = 63;

/** `<cluster>-<promise>`, cut to the catalog's length and characters. */
export function templateNameOf(cluster: string, promise: string): string {
  return `${cluster}-${promise}`
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, ENTITY_NAME_MAX)
    .replace(/[^a-z0-9]+$/, '');
}

function ownerOf(promise: PromiseObject, options: PromiseTemplateOptions) {
  const annotated =
    promise.metadata.annotations?.[PROMISE_TEMPLATE_ANNOTATIONS.owner];
  if (annotated) return annotated;
  const label = promise.metadata.labels?.[PROMISE_OWNER_LABEL];
  return label ? `group:default/${label}` : options.defaultOwner;
}

function tagsOf(promise: PromiseObject): string[] {
  const extra = (
    promise.metadata.annotations?.[PROMISE_TEMPLATE_ANNOTATIONS.tags] ?? ''
  )
    .split(',')
    .map(t =>
      t
        .trim()
        .toLocaleLowerCase('en-US')
        .replace(/[^a-z0-9+#-]+/g, '-'),
    )
    .filter(Boolean);
  return [...new Set(['kratix', ...extra])];
}

/**
 * The software template generated from a Promise on a cluster: its form comes from the
 * Promise's API schema, refined by its annotations, and its one step runs
 * `kratix:resource:create`. Undefined for a Promise that offers no API, asks for no
 * template, or has a hand-made one.
 */
export function promiseToTemplateEntity(
  cluster: string,
  promise: PromiseObject,
  options: PromiseTemplateOptions,
): Entity | undefined {
  const name = promise.metadata.name;
  const annotations = promise.metadata.annotations ?? {};
  const api = promiseApiOf(promise);
  if (
    !api ||
    annotations[PROMISE_TEMPLATE_ANNOTATIONS.generateTemplate] === 'false' ||
    HAND_MADE_TEMPLATE_PROMISES.includes(name) ||
    options.exclude.includes(name)
  )
    return undefined;
  const { hints } = readPromiseFormHints(annotations);
  const location = `url:kubernetes://${cluster}/promises/${name}`;
  const k = REQUEST_FORM_KEYS;
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: templateNameOf(cluster, name),
      namespace: 'default',
      title:
        annotations[PROMISE_TEMPLATE_ANNOTATIONS.title] ??
        `${api.gvk.kind} (Kratix)`,
      description:
        annotations[PROMISE_TEMPLATE_ANNOTATIONS.description] ??
        api.description ??
        `Request a ${api.gvk.kind} from the ${name} Promise on ${cluster}.`,
      tags: tagsOf(promise),
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [ANNOTATIONS.cluster]: cluster,
        [TEMPLATE_PROMISE_ANNOTATION]: name,
      },
    },
    spec: {
      owner: ownerOf(promise, options),
      type: 'resource',
      EXPERIMENTAL_recovery: { EXPERIMENTAL_strategy: 'startOver' },
      // The steps are plain JSON (built from the CRD's schema); the round trip says so to
      // the entity's JSON type, and leaves no shared reference in the emitted entity.
      parameters: JSON.parse(
        JSON.stringify(
          promiseTemplateParameters({
            kind: api.gvk.kind,
            specSchema: api.specSchema,
            cluster,
            hints,
          }),
        ),
      ),
      steps: [
        {
          id: 'create',
          name: `Request the ${api.gvk.kind}`,
          action: 'kratix:resource:create',
          input: {
            promise: name,
            cluster: `\${{ parameters.${k.cluster} }}`,
            namespace: `\${{ parameters.${k.namespace} }}`,
            name: `\${{ parameters.${k.name} }}`,
            owner: `\${{ parameters.${k.owner} }}`,
            formValues: '${{ parameters }}',
            waitForReady: `\${{ parameters.${k.waitForReady} }}`,
            timeoutSeconds: `\${{ parameters.${k.timeoutSeconds} }}`,
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Open in catalog',
            icon: 'catalog',
            entityRef: '${{ steps.create.output.entityRef }}',
          },
        ],
        text: [
          {
            title: 'Request',
            content: `${api.gvk.kind} \`\${{ steps.create.output.requestRef }}\` was created; the entity page shows its provisioning chain.`,
          },
        ],
      },
    },
  };
}
