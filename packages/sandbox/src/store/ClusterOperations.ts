import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
} from '../errors/ApiError';
import { admitObject, normaliseObject } from './admission';
import { applyPatch, type PatchType } from './applyPatch';
import { establishedCrdStatus } from './crdLifecycle';
import {
  carryOverMetadata,
  initialMetadata,
  isoSeconds,
  sameJson,
} from './objectMetadata';
import type { KubeObject, ListPins, ObjectStore } from './ObjectStore';
import type { CrdObject, CustomResourceRegistry } from './ResourceRegistry';
import { apiVersionOf, storageKey, type ResourceType } from './ResourceType';

export type WriteOptions = {
  dryRun?: boolean;
  /** Strict rejects unknown fields; Warn (the default) and Ignore prune them. */
  fieldValidation?: string;
  subresource?: 'status';
};

export type WriteResult = {
  object: KubeObject;
  warnings: string[];
  created?: boolean;
};

const NAMESPACES = { group: '', plural: 'namespaces', kind: 'Namespace' };

/**
 * The API server's write and read semantics, shared by the HTTP handlers and the in-process
 * controllers: schema enforcement, server-owned metadata, optimistic concurrency, the status
 * subresource, finalizers and dry runs.
 */
export class ClusterOperations {
  constructor(
    readonly store: ObjectStore,
    readonly registry: CustomResourceRegistry,
  ) {}

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const found = this.store.get(
      storageKey(type),
      scoped(type, namespace),
      name,
    );
    if (!found) throw notFound(type, name);
    return asVersion(found, type);
  }

  tryGet(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const found = this.store.get(
      storageKey(type),
      scoped(type, namespace),
      name,
    );
    return found && asVersion(found, type);
  }

  /** `pins`: what the selectors pin down (see ListPins), used to look objects up. */
  list(
    type: ResourceType,
    namespace?: string,
    filter?: (object: KubeObject) => boolean,
    pins: ListPins = {},
  ): KubeObject[] {
    if (pins.name !== undefined && (namespace || !type.namespaced)) {
      const found = this.store.get(
        storageKey(type),
        scoped(type, namespace),
        pins.name,
      );
      return found && (!filter || filter(found))
        ? [asVersion(found, type)]
        : [];
    }
    return this.store
      .list(storageKey(type), scoped(type, namespace), filter, pins.label)
      .map(o => asVersion(o, type));
  }

  create(
    type: ResourceType,
    namespace: string | undefined,
    body: KubeObject,
    options: WriteOptions = {},
  ): WriteResult {
    const object = normaliseObject(type, namespace, body);
    if (type.namespaced) this.#requireLiveNamespace(object.metadata.namespace!);
    initialMetadata(object, new Date());
    if (type.hasStatusSubresource && type.crdName) delete object.status;
    const warnings = admitObject(type, object, options, true);
    const name = object.metadata.name;
    if (this.store.get(storageKey(type), object.metadata.namespace, name))
      throw alreadyExists(type, name);
    if (options.dryRun) return { object, warnings, created: true };
    const stored = this.store.put(storageKey(type), object);
    this.#afterWrite(type, stored);
    return { object: asVersion(stored, type), warnings, created: true };
  }

  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    options: WriteOptions = {},
  ): WriteResult {
    const existing = this.get(type, namespace, name);
    const next = normaliseObject(type, namespace, body);
    if (next.metadata.name !== name)
      throw badRequest(
        `the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`,
      );
    const sent = next.metadata.resourceVersion;
    if (!sent && type.crdName) {
      throw invalid(type, name, [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: 0x0: must be specified for an update',
          field: 'metadata.resourceVersion',
        },
      ]);
    }
    if (sent && sent !== existing.metadata.resourceVersion)
      throw conflict(type, name);
    return this.#replace(type, existing, next, options);
  }

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    patchType: PatchType,
    options: WriteOptions = {},
  ): WriteResult {
    const existing = this.tryGet(type, namespace, name);
    if (!existing) {
      if (patchType === 'apply')
        return this.create(type, namespace, patch as KubeObject, options);
      throw notFound(type, name);
    }
    const patched = applyPatch(existing, patch, patchType) as KubeObject;
    const sent = (patch as KubeObject)?.metadata?.resourceVersion;
    if (
      patchType !== 'json' &&
      sent &&
      sent !== existing.metadata.resourceVersion
    )
      throw conflict(type, name);
    patched.metadata = {
      ...patched.metadata,
      resourceVersion: existing.metadata.resourceVersion,
    };
    return this.#replace(
      type,
      existing,
      normaliseObject(type, namespace, patched),
      options,
    );
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { dryRun?: boolean } = {},
  ): KubeObject {
    const existing = this.get(type, namespace, name);
    if (existing.metadata.finalizers?.length || type.kind === 'Namespace') {
      if (existing.metadata.deletionTimestamp) return existing;
      const marked = structuredClone(existing);
      marked.metadata.deletionTimestamp = isoSeconds(new Date());
      marked.metadata.deletionGracePeriodSeconds = 0;
      marked.metadata.generation = (marked.metadata.generation ?? 1) + 1;
      if (type.kind === 'Namespace')
        marked.status = { ...marked.status, phase: 'Terminating' };
      if (options.dryRun) return marked;
      return asVersion(this.store.put(storageKey(type), marked), type);
    }
    if (options.dryRun) return existing;
    return this.#remove(type, existing);
  }

  /** Removes a namespace for good once nothing is left in it (the namespace controller's last step). */
  finishNamespaceDeletion(name: string): void {
    const ns = this.store.get('namespaces', undefined, name);
    if (ns?.metadata.deletionTimestamp)
      this.#remove(this.registry.byKind('', 'Namespace')!, ns);
  }

  #replace(
    type: ResourceType,
    existing: KubeObject,
    incoming: KubeObject,
    options: WriteOptions,
  ): WriteResult {
    let next = incoming;
    if (options.subresource === 'status') {
      next = structuredClone(existing);
      next.status = incoming.status;
    } else if (type.hasStatusSubresource) {
      next.status = structuredClone(existing.status);
      if (next.status === undefined) delete next.status;
    }
    const added = (next.metadata.finalizers ?? []).filter(
      f => !existing.metadata.finalizers?.includes(f),
    );
    if (existing.metadata.deletionTimestamp && added.length) {
      throw invalid(type, existing.metadata.name, [
        {
          reason: 'FieldValueForbidden',
          message:
            'Forbidden: no new finalizers can be added if the object is being deleted',
          field: 'metadata.finalizers',
        },
      ]);
    }
    // Defaults and pruning come first, so that they alone never count as a change of generation.
    const warnings = admitObject(type, next, options, false);
    carryOverMetadata(next, existing, type.hasStatusSubresource);
    if (options.dryRun) return { object: next, warnings };
    if (
      next.metadata.deletionTimestamp &&
      !next.metadata.finalizers?.length &&
      type.kind !== 'Namespace'
    ) {
      return { object: this.#remove(type, next), warnings };
    }
    // Like etcd3's GuaranteedUpdate, a write that changes nothing is not stored: the
    // resourceVersion stays, no watch event goes out, and `kubectl patch` says "(no change)".
    if (sameObject(next, existing)) return { object: existing, warnings };
    const stored = this.store.put(storageKey(type), next);
    this.#afterWrite(type, stored);
    return { object: asVersion(stored, type), warnings };
  }

  #requireLiveNamespace(name: string): void {
    const ns = this.store.get('namespaces', undefined, name);
    if (!ns) throw notFound(NAMESPACES, name);
    if (ns.metadata.deletionTimestamp) {
      throw new ApiError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${name} because it is being terminated`,
      );
    }
  }

  #remove(type: ResourceType, object: KubeObject): KubeObject {
    const removed = this.store.remove(storageKey(type), object);
    if (type.kind === 'CustomResourceDefinition') {
      const crd = object as unknown as CrdObject;
      this.registry.unregisterCrd(crd.metadata.name);
      this.store.removeAll(
        storageKey({ group: crd.spec.group, plural: crd.spec.names.plural }),
      );
    }
    return asVersion(removed, type);
  }

  /** A stored CRD registers its kinds at once and reports itself Established, as the apiserver does. */
  #afterWrite(type: ResourceType, stored: KubeObject): void {
    if (type.kind !== 'CustomResourceDefinition') return;
    const crd = stored as unknown as CrdObject;
    this.registry.registerCrd(crd);
    const withStatus = structuredClone(stored);
    withStatus.status = establishedCrdStatus(crd, stored.status);
    if (JSON.stringify(withStatus.status) !== JSON.stringify(stored.status))
      this.store.put(storageKey(type), withStatus);
  }
}

function scoped(
  type: ResourceType,
  namespace: string | undefined,
): string | undefined {
  return type.namespaced ? namespace : undefined;
}

/** Objects are stored once per kind; each read answers at the version that was asked for. */
function asVersion(object: KubeObject, type: ResourceType): KubeObject {
  return { ...object, apiVersion: apiVersionOf(type) };
}

function sameObject(next: KubeObject, existing: KubeObject): boolean {
  const comparable = (o: KubeObject) => {
    const { resourceVersion: _resourceVersion, ...metadata } = o.metadata;
    return { ...o, metadata };
  };
  return sameJson(comparable(next), comparable(existing));
}
