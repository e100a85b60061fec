import { createHash } from 'node:crypto';
import type { CustomResourceRegistry } from '../store/ResourceRegistry';
import type { JsonSchema } from '../schema/JsonSchema';
import type { ResourceType } from '../store/ResourceType';
import { builtinSchema, OBJECT_META } from './builtinSchemas';

/**
 * OpenAPI v3, just enough for kubectl 1.32: it looks up each resource's PATCH operation, and when
 * that operation names its group-version-kind and accepts `fieldValidation`, kubectl leaves field
 * validation to the server instead of refusing with "failed to download openapi".
 *
 * Strategic merge patch is deliberately not listed as a PATCH body type: kubectl would then try
 * to build strategic patches for custom resources from these (schema-less) documents.
 */
export class OpenApiDocuments {
  #cache = new Map<string, { revision: number; body: string; hash: string }>();

  constructor(private readonly registry: CustomResourceRegistry) {}

  index(): Record<string, unknown> {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const { group, version } of this.registry.groupVersions()) {
      const key = group ? `apis/${group}/${version}` : `api/${version}`;
      paths[key] = {
        serverRelativeURL: `/openapi/v3/${key}?hash=${
          this.#document(group, version).hash
        }`,
      };
    }
    return { paths };
  }

  /** The JSON text of one group-version's document, or undefined when the group-version is unknown. */
  document(group: string, version: string): string | undefined {
    if (!this.registry.inGroupVersion(group, version).length) return undefined;
    return this.#document(group, version).body;
  }

  #document(group: string, version: string): { body: string; hash: string } {
    const key = `${group}/${version}`;
    const cached = this.#cache.get(key);
    if (cached && cached.revision === this.registry.revision) return cached;
    const types = this.registry.inGroupVersion(group, version);
    const paths: Record<string, unknown> = {};
    const schemas: Record<string, unknown> = {};
    for (const t of types) {
      if (t.verbs && !t.verbs.includes('get')) continue; // create-only reviews have no item path
      const { name, schema } = documentedSchema(t);
      paths[itemPath(t)] = itemOperations(t, name);
      schemas[name] = {
        ...schema,
        'x-kubernetes-group-version-kind': [
          { group: t.group, version: t.version, kind: t.kind },
        ],
      };
      if (!t.crdName)
        schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'] =
          OBJECT_META;
    }
    const body = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      paths,
      components: { schemas },
    });
    const hash = createHash('sha512')
      .update(body)
      .digest('hex')
      .slice(0, 128)
      .toUpperCase();
    const entry = { revision: this.registry.revision, body, hash };
    this.#cache.set(key, entry);
    return entry;
  }
}

function itemPath(t: ResourceType): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  return t.namespaced
    ? `${base}/namespaces/{namespace}/${t.plural}/{name}`
    : `${base}/${t.plural}/{name}`;
}

/** A CRD's own schema, the documentation schema of a built-in kind, or an open object. */
function documentedSchema(t: ResourceType): {
  name: string;
  schema: JsonSchema;
} {
  const builtin = t.crdName
    ? undefined
    : builtinSchema(t.group, t.version, t.kind);
  if (builtin) return builtin;
  const reversedGroup = (t.group || 'core').split('.').reverse().join('.');
  return {
    name: `${reversedGroup}.${t.version}.${t.kind}`,
    schema: t.schema ?? {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  };
}

function itemOperations(
  t: ResourceType,
  schemaName: string,
): Record<string, unknown> {
  const gvk = { group: t.group, version: t.version, kind: t.kind };
  const ref = { $ref: `#/components/schemas/${schemaName}` };
  const json = { 'application/json': { schema: ref } };
  const query = (name: string) => ({
    name,
    in: 'query',
    schema: { type: 'string', uniqueItems: true },
  });
  const writeParams = [
    query('dryRun'),
    query('fieldManager'),
    query('fieldValidation'),
  ];
  const operation = (action: string, extra: Record<string, unknown> = {}) => ({
    operationId: `${action}${t.namespaced ? 'Namespaced' : ''}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: { '200': { description: 'OK', content: json } },
    ...extra,
  });
  return {
    get: operation('get'),
    put: operation('put', {
      parameters: writeParams,
      requestBody: { content: { '*/*': { schema: ref } } },
    }),
    patch: operation('patch', {
      parameters: [
        ...writeParams,
        {
          name: 'force',
          in: 'query',
          schema: { type: 'boolean', uniqueItems: true },
        },
      ],
      requestBody: {
        content: {
          'application/json-patch+json': { schema: { type: 'object' } },
          'application/merge-patch+json': { schema: { type: 'object' } },
          'application/apply-patch+yaml': { schema: { type: 'object' } },
        },
      },
    }),
    delete: operation('delete', { parameters: [query('dryRun')] }),
    parameters: [
      {
        name: 'name',
        in: 'path',
        required: true,
        schema: { type: 'string', uniqueItems: true },
      },
      ...(t.namespaced
        ? [
            {
              name: 'namespace',
              in: 'path',
              required: true,
              schema: { type: 'string', uniqueItems: true },
            },
          ]
        : []),
    ],
  };
}
