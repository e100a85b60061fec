import type { GroupVersionKind } from '../constants';
import { specSchemaOfCrd, type OpenApiSchema } from './openApiSchema';

/** @public What a Promise offers: its request kind and the schema of that kind's spec. */
export type PromiseApi = {
  gvk: GroupVersionKind;
  plural: string;
  specSchema?: OpenApiSchema;
  /** The schema's own description of the request. */
  description?: string;
};

/**
 * The request kind a Promise offers, from the CRD in its `spec.api` (the stored version);
 * undefined for a Promise without an API (one that only installs dependencies).
 * @public
 */
export function promiseApiOf(promise: {
  spec?: { api?: unknown };
}): PromiseApi | undefined {
  const crd = promise.spec?.api as any;
  const group = crd?.spec?.group;
  const kind = crd?.spec?.names?.kind;
  const schema = specSchemaOfCrd(crd);
  if (typeof group !== 'string' || typeof kind !== 'string' || !schema)
    return undefined;
  return {
    gvk: { group, version: schema.version, kind },
    plural: crd.spec.names.plural,
    specSchema: schema.spec,
    description: schema.root.description,
  };
}
