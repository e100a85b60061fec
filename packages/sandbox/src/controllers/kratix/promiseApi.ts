import type { KubeObject } from '../../store/ObjectStore';
import type { CrdObject } from '../../store/ResourceRegistry';
import { storageKey } from '../../store/ResourceType';

/**
 * Where the requests of a Promise's API are stored, read without building the CRD: the
 * controller asks this for every store event, and cloning a Promise's whole schema each time
 * was a sixth of the sandbox's CPU while 1,000 requests were created.
 */
export function promiseApiStorageKey(promise: KubeObject): string | undefined {
  const api = promise.spec?.api;
  if (
    api?.kind !== 'CustomResourceDefinition' ||
    !api.spec?.group ||
    !api.spec?.names?.plural
  )
    return undefined;
  return storageKey({ group: api.spec.group, plural: api.spec.names.plural });
}

/**
 * The CRD in a Promise's spec.api, as Kratix installs it: Kratix adds the status subresource, an
 * open status schema (pipelines write arbitrary keys there) and a STATUS column for .status.message.
 */
export function promiseApiCrd(
  promise: KubeObject,
): (CrdObject & KubeObject) | undefined {
  const api = promise.spec?.api;
  if (
    !api ||
    api.kind !== 'CustomResourceDefinition' ||
    !api.spec?.group ||
    !api.spec?.names?.plural
  )
    return undefined;
  const crd = structuredClone(api) as CrdObject & KubeObject;
  crd.apiVersion = 'apiextensions.k8s.io/v1';
  crd.metadata = {
    ...crd.metadata,
    name: crd.metadata?.name ?? `${crd.spec.names.plural}.${crd.spec.group}`,
  };
  crd.spec.scope ??= 'Namespaced';
  for (const version of crd.spec.versions ?? []) {
    version.subresources = { ...version.subresources, status: {} };
    const schema = (version.schema ??= {}).openAPIV3Schema ?? {
      type: 'object',
    };
    schema.properties = {
      ...schema.properties,
      status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    };
    version.schema.openAPIV3Schema = schema;
    const columns = version.additionalPrinterColumns ?? [];
    if (
      !columns.some(
        (c: { jsonPath: string }) => c.jsonPath === '.status.message',
      )
    ) {
      version.additionalPrinterColumns = [
        ...columns,
        { name: 'status', type: 'string', jsonPath: '.status.message' },
      ];
    }
  }
  return crd;
}

/** Pipeline names of one workflow of a Promise, e.g. the resource configure pipelines. */
export function promisePipelineNames(
  promise: KubeObject,
  scope: 'promise' | 'resource',
  action: 'configure' | 'delete',
): string[] {
  const pipelines: any[] = promise.spec?.workflows?.[scope]?.[action] ?? [];
  return pipelines.map(
    (p, i) =>
      p?.metadata?.name ??
      `${scope === 'resource' ? 'instance' : 'promise'}-${action}${
        i ? `-${i}` : ''
      }`,
  );
}
