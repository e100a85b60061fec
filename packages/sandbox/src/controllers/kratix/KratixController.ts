import type { FaultSettings } from '../../faults/FaultSettings';
import type { ClusterOperations } from '../../store/ClusterOperations';
import type { KubeObject, StoreEvent } from '../../store/ObjectStore';
import type { CrdObject } from '../../store/ResourceRegistry';
import { storageKey } from '../../store/ResourceType';
import { ReconcileLoop } from '../../reconcile/ReconcileLoop';
import { installCrd, removeCrd } from '../installCrd';
import { setFinalizer, writeStatus } from '../../reconcile/statusWrites';
import {
  promiseApiCrd,
  promiseApiStorageKey,
  promisePipelineNames,
} from './promiseApi';
import { promiseStatus } from './kratixStatus';
import type { PipelineChooser } from './pipelineImages';
import { RequestReconciler } from './RequestReconciler';

const PROMISES = 'promises.platform.kratix.io';
const PROMISE_FINALIZER = 'kratix.io/api-crd-cleanup';

/**
 * Plays the Kratix platform controller: installs the Promise kind, makes each Promise's API
 * (its CRD) available, and hands resource requests to the RequestReconciler.
 */
export class KratixController {
  readonly #loop: ReconcileLoop;
  readonly #requests: RequestReconciler;
  #unsubscribe?: () => void;
  #unwatchFaults?: () => void;

  constructor(
    private readonly ops: ClusterOperations,
    private readonly faults: FaultSettings,
    pipelineFor: PipelineChooser,
    log: (line: string) => void,
  ) {
    this.#loop = new ReconcileLoop('kratix', key => this.#reconcile(key), log);
    this.#requests = new RequestReconciler(ops, faults, pipelineFor, log);
  }

  start(): void {
    this.#applyKratixPresence();
    this.#unsubscribe = this.ops.store.subscribe(event => this.#onEvent(event));
    this.#unwatchFaults = this.faults.onChange((now, before) => {
      if (Boolean(now.kratixMissing) !== Boolean(before.kratixMissing))
        this.#applyKratixPresence();
      if (now.workflowFails !== before.workflowFails) this.#resyncAll();
    });
    this.#resyncAll();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unwatchFaults?.();
    await this.#loop.stop();
  }

  metrics(): Record<string, unknown> {
    return {
      reconciles: this.#loop.reconciles,
      errors: this.#loop.errors,
      ...this.#requests.counts,
    };
  }

  /** "Kratix missing" means no Promise kind and nobody reconciling; requests keep their CRD but get no status. */
  #applyKratixPresence(): void {
    if (this.faults.get().kratixMissing) removeCrd(this.ops, PROMISES);
    else {
      installCrd(this.ops, 'kratix-promises.yaml');
      this.#resyncAll();
    }
  }

  #onEvent(event: StoreEvent): void {
    if (this.faults.get().kratixMissing) return;
    if (event.key === PROMISES)
      this.#loop.enqueue(`promise:${event.object.metadata.name}`);
    else if (this.#promiseForKind(event.key))
      this.#loop.enqueue(
        `request:${event.key}:${event.object.metadata.namespace ?? ''}/${
          event.object.metadata.name
        }`,
      );
  }

  /** Everything once: at start, when Kratix comes back, and when a fault changes what a workflow does. */
  #resyncAll(): void {
    for (const promise of this.ops.store.list(PROMISES)) {
      this.#loop.enqueue(`promise:${promise.metadata.name}`);
      this.#enqueueRequestsOf(promise);
    }
  }

  /** The requests of one Promise's API: after its API was installed or changed. */
  #enqueueRequestsOf(promise: KubeObject): void {
    const key = promiseApiStorageKey(promise);
    if (!key) return;
    for (const r of this.ops.store.list(key))
      this.#loop.enqueue(
        `request:${key}:${r.metadata.namespace ?? ''}/${r.metadata.name}`,
      );
  }

  #promiseForKind(key: string): KubeObject | undefined {
    return this.ops.store
      .list(PROMISES)
      .find(p => promiseApiStorageKey(p) === key);
  }

  async #reconcile(key: string): Promise<number | void> {
    if (this.faults.get().kratixMissing) return undefined;
    if (key.startsWith('promise:'))
      return this.#reconcilePromise(key.slice('promise:'.length));
    const [, kind, id] = key.split(':');
    const promise = this.#promiseForKind(kind);
    if (!promise) return undefined;
    return this.#requests.reconcile(promise, kind, id);
  }

  #reconcilePromise(name: string): number | void {
    const promises = this.ops.registry.byKind('platform.kratix.io', 'Promise');
    const promise = promises && this.ops.tryGet(promises, undefined, name);
    if (!promises || !promise) return undefined;
    const crd = promiseApiCrd(promise);
    if (promise.metadata.deletionTimestamp) {
      if (crd) {
        const kind = storageKey({
          group: crd.spec.group,
          plural: crd.spec.names.plural,
        });
        const left = this.ops.store.list(kind);
        // Requests go first (each runs its delete workflow), then the API itself.
        if (left.length) {
          for (const r of left) this.#requests.deleteRequest(kind, r);
          return 500;
        }
        removeCrd(this.ops, crd.metadata.name);
      }
      setFinalizer(this.ops, promises, promise, PROMISE_FINALIZER, false);
      return undefined;
    }
    const withFinalizer =
      setFinalizer(this.ops, promises, promise, PROMISE_FINALIZER, true) ??
      promise;
    const api = crd
      ? {
          kind: crd.spec.names.kind,
          apiVersion: `${crd.spec.group}/${
            crd.spec.versions.find((v: { storage?: boolean }) => v.storage)
              ?.name ?? crd.spec.versions[0]?.name
          }`,
        }
      : { kind: '', apiVersion: '' };
    let problem: string | undefined;
    let apiChanged = false;
    try {
      if (!crd)
        throw new Error(
          'spec.api is missing or is not a CustomResourceDefinition',
        );
      apiChanged = this.#installApi(crd, name);
    } catch (error) {
      problem = `failed to install the Promise API: ${
        (error as Error).message
      }`;
    }
    writeStatus(
      this.ops,
      promises,
      withFinalizer,
      promiseStatus(
        withFinalizer,
        api,
        promisePipelineNames(withFinalizer, 'promise', 'configure'),
        !problem,
        problem,
      ),
    );
    // Only a new or changed API gives its requests something new to reconcile. Re-queueing on
    // every Promise reconcile (which itself follows each status write) would never rest.
    if (!problem && apiChanged) this.#enqueueRequestsOf(withFinalizer);
    return undefined;
  }

  /** Creates or updates the Promise's CRD; true when it changed something. */
  #installApi(crd: CrdObject & KubeObject, promiseName: string): boolean {
    const crds = this.ops.registry.byKind(
      'apiextensions.k8s.io',
      'CustomResourceDefinition',
    )!;
    const labelled = {
      ...crd,
      metadata: {
        ...crd.metadata,
        labels: {
          ...crd.metadata.labels,
          'kratix.io/promise-name': promiseName,
        },
      },
    };
    const existing = this.ops.tryGet(crds, undefined, crd.metadata.name);
    if (!existing) {
      this.ops.create(crds, undefined, labelled);
      return true;
    }
    if (JSON.stringify(existing.spec) === JSON.stringify(crd.spec))
      return false;
    this.ops.update(crds, undefined, crd.metadata.name, {
      ...labelled,
      metadata: { ...existing.metadata, labels: labelled.metadata.labels },
    });
    return true;
  }
}
