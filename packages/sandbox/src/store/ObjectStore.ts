import fs from 'node:fs';
import path from 'node:path';

export type ObjectMeta = {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
  }>;
  [key: string]: unknown;
};

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
};

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type StoreEvent = {
  type: WatchEventType;
  key: string;
  object: KubeObject;
  resourceVersion: number;
};

type Listener = (event: StoreEvent) => void;

/** One `key=value` label that a list must match, so the store can look it up instead of scanning. */
export type LabelPin = { key: string; value: string };

/**
 * What a list's selectors pin down: the only name it can hold and a label it requires. A list of
 * one card's objects is then a lookup by key or by label instead of a pass over every object
 * of the kind; the whole selector is still applied to what the lookup finds.
 */
export type ListPins = { name?: string; label?: LabelPin };

/** How many past events a watch can resume from before it gets 410 Gone. */
const EVENT_HISTORY = 5000;

/**
 * All objects of the cluster, keyed by storage key (plural.group) and namespace/name, with one
 * global resourceVersion counter like etcd's revision. It knows nothing of validation: the
 * ClusterOperations in front of it do. Optionally mirrored to a JSON file so a restart keeps state.
 */
export class ObjectStore {
  #objects = new Map<string, Map<string, KubeObject>>();
  /**
   * Per storage key, the ids of the objects that carry each `label=value`: a card watches its
   * Table by request-name label, and at 50,000 Tables a pass over all of them per card was the
   * benchmark's whole cost. kube-apiserver's watch cache keeps a similar index.
   */
  #byLabel = new Map<string, Map<string, Set<string>>>();
  #revision = 1;
  #history: StoreEvent[] = [];
  #compactedThrough = 0;
  #listeners = new Set<Listener>();
  #persistFile?: string;
  #persistTimer?: NodeJS.Timeout;

  constructor(persistDir?: string) {
    if (persistDir) {
      fs.mkdirSync(persistDir, { recursive: true });
      this.#persistFile = path.join(persistDir, 'objects.json');
      this.#load();
    }
  }

  get resourceVersion(): number {
    return this.#revision;
  }

  get(
    key: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.#objects.get(key)?.get(objectId(namespace, name));
  }

  /**
   * The objects of a kind in key order (namespace/name), optionally of one namespace and only
   * those `filter` keeps. `label`, a `key=value` the filter requires, narrows the pass to the
   * objects that carry it. Filtering comes first, so a list by label at 100,000 objects sorts
   * and copies only what it returns.
   */
  list(
    key: string,
    namespace?: string,
    filter?: (object: KubeObject) => boolean,
    label?: LabelPin,
  ): KubeObject[] {
    const bucket = this.#objects.get(key);
    const candidates = label
      ? [...(this.#byLabel.get(key)?.get(labelTerm(label)) ?? [])].map(
          id => bucket!.get(id)!,
        )
      : bucket?.values() ?? [];
    const matching: KubeObject[] = [];
    for (const object of candidates) {
      if (namespace && object.metadata.namespace !== namespace) continue;
      if (filter && !filter(object)) continue;
      matching.push(object);
    }
    return matching.sort((a, b) =>
      objectId(a.metadata.namespace, a.metadata.name).localeCompare(
        objectId(b.metadata.namespace, b.metadata.name),
      ),
    );
  }

  /** Stores a new or changed object, stamping the next resourceVersion. */
  put(key: string, object: KubeObject): KubeObject {
    const id = objectId(object.metadata.namespace, object.metadata.name);
    let bucket = this.#objects.get(key);
    if (!bucket) this.#objects.set(key, (bucket = new Map()));
    const previous = bucket.get(id);
    const type: WatchEventType = previous ? 'MODIFIED' : 'ADDED';
    const stored = this.#stamp(object);
    bucket.set(id, stored);
    if (previous) this.#unindex(key, id, previous);
    this.#index(key, id, stored);
    this.#emit({ type, key, object: stored, resourceVersion: this.#revision });
    return structuredClone(stored);
  }

  remove(key: string, object: KubeObject): KubeObject {
    const id = objectId(object.metadata.namespace, object.metadata.name);
    const previous = this.#objects.get(key)?.get(id);
    this.#objects.get(key)?.delete(id);
    if (previous) this.#unindex(key, id, previous);
    const removed = this.#stamp(object);
    this.#emit({
      type: 'DELETED',
      key,
      object: removed,
      resourceVersion: this.#revision,
    });
    return structuredClone(removed);
  }

  /** Drops every object of a kind (its CRD was deleted), announcing each as DELETED. */
  removeAll(key: string): void {
    for (const o of this.list(key)) this.remove(key, o);
    this.#objects.delete(key);
    this.#byLabel.delete(key);
  }

  /** Events after `resourceVersion`, or 'expired' when they are no longer kept. */
  eventsSince(resourceVersion: number): StoreEvent[] | 'expired' {
    if (resourceVersion < this.#compactedThrough) return 'expired';
    return this.#history.filter(e => e.resourceVersion > resourceVersion);
  }

  get oldestResumableVersion(): number {
    return this.#compactedThrough;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Writes pending state now (on stop), instead of waiting for the debounce. */
  flush(): void {
    if (!this.#persistFile) return;
    clearTimeout(this.#persistTimer);
    this.#persistTimer = undefined;
    const objects: Record<string, KubeObject[]> = {};
    for (const [key, bucket] of this.#objects)
      objects[key] = [...bucket.values()];
    const tmp = `${this.#persistFile}.tmp`;
    fs.writeFileSync(
      tmp,
      JSON.stringify({ resourceVersion: this.#revision, objects }),
    );
    fs.renameSync(tmp, this.#persistFile);
  }

  #index(key: string, id: string, object: KubeObject): void {
    let terms = this.#byLabel.get(key);
    if (!terms) this.#byLabel.set(key, (terms = new Map()));
    for (const [k, value] of Object.entries(object.metadata.labels ?? {})) {
      const term = labelTerm({ key: k, value });
      let ids = terms.get(term);
      if (!ids) terms.set(term, (ids = new Set()));
      ids.add(id);
    }
  }

  #unindex(key: string, id: string, object: KubeObject): void {
    const terms = this.#byLabel.get(key);
    for (const [k, value] of Object.entries(object.metadata.labels ?? {})) {
      const term = labelTerm({ key: k, value });
      const ids = terms?.get(term);
      ids?.delete(id);
      if (ids?.size === 0) terms!.delete(term);
    }
  }

  #stamp(object: KubeObject): KubeObject {
    this.#revision++;
    const copy = structuredClone(object);
    copy.metadata.resourceVersion = String(this.#revision);
    return copy;
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event);
    if (this.#history.length > EVENT_HISTORY) {
      const dropped = this.#history.shift()!;
      this.#compactedThrough = dropped.resourceVersion;
    }
    this.#schedulePersist();
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A faulty listener (a controller) must not break writes for everyone else.
        process.emitWarning(`sandbox store listener failed: ${error}`);
      }
    }
  }

  #schedulePersist(): void {
    if (!this.#persistFile || this.#persistTimer) return;
    this.#persistTimer = setTimeout(() => this.flush(), 100);
    this.#persistTimer.unref();
  }

  #load(): void {
    if (!this.#persistFile || !fs.existsSync(this.#persistFile)) return;
    const saved = JSON.parse(fs.readFileSync(this.#persistFile, 'utf8')) as {
      resourceVersion: number;
      objects: Record<string, KubeObject[]>;
    };
    this.#revision = saved.resourceVersion;
    // Watches cannot resume across a restart, as with a compacted etcd.
    this.#compactedThrough = saved.resourceVersion;
    for (const [key, list] of Object.entries(saved.objects)) {
      const bucket = new Map<string, KubeObject>();
      this.#objects.set(key, bucket);
      for (const o of list) {
        const id = objectId(o.metadata.namespace, o.metadata.name);
        bucket.set(id, o);
        this.#index(key, id, o);
      }
    }
  }
}

// A label key cannot contain '=', so the first '=' separates key from value.
function labelTerm(label: LabelPin): string {
  return `${label.key}=${label.value}`;
}

function objectId(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}
