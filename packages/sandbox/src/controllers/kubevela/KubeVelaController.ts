import type { ClusterOperations } from '../../store/ClusterOperations';
import type { KubeObject } from '../../store/ObjectStore';
import type { ResourceType } from '../../store/ResourceType';
import { ReconcileLoop } from '../../reconcile/ReconcileLoop';
import { installCrd } from '../installCrd';
import { objectKey, splitKey } from '../../reconcile/objectKeys';
import { setFinalizer, writeStatus } from '../../reconcile/statusWrites';
import {
  applicationStatus,
  failedApplicationStatus,
  type ServiceHealth,
} from './applicationStatus';
import {
  COMPONENT_TYPES,
  renderComponent,
  TRAIT_TYPES,
  type Component,
} from './renderComponent';

const APPLICATIONS = 'applications.core.oam.dev';
const FINALIZER = 'app.oam.dev/resource-tracker-finalizer';
const APP_LABEL = 'app.oam.dev/name';
/** Kinds a component can render; watched so that their health changes reach the Application. */
const RENDERED_KINDS: Array<[string, string]> = [
  ['dynamodb.kratix.io', 'DynamoDBRequest'],
  ['apps', 'Deployment'],
  ['', 'Service'],
];

/**
 * Plays the KubeVela application controller for this project's component and trait types:
 * renders and applies the components, removes what a new revision no longer has, reports health
 * the way the definitions' health policies do, and cleans up on deletion.
 */
export class KubeVelaController {
  readonly #loop: ReconcileLoop;
  #unsubscribe?: () => void;

  constructor(
    private readonly ops: ClusterOperations,
    log: (line: string) => void,
  ) {
    this.#loop = new ReconcileLoop(
      'kubevela',
      key => this.#reconcile(key),
      log,
    );
  }

  start(): void {
    installCrd(this.ops, 'kubevela-applications.yaml');
    installCrd(this.ops, 'kubevela-componentdefinitions.yaml');
    const namespaces = this.ops.registry.byKind('', 'Namespace')!;
    if (!this.ops.tryGet(namespaces, undefined, 'vela-system'))
      this.ops.create(namespaces, undefined, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'vela-system' },
      });
    this.#unsubscribe = this.ops.store.subscribe(event => {
      if (event.key === APPLICATIONS)
        this.#loop.enqueue(objectKey(event.object));
      const owner = event.object.metadata.labels?.[APP_LABEL];
      if (owner && event.key !== APPLICATIONS)
        this.#loop.enqueue(`${event.object.metadata.namespace ?? ''}/${owner}`);
    });
    // Health follows from the rendered workloads' status, and every change to one of them is an
    // event above; a periodic re-check would only cost CPU at rest.
    this.#resyncAll();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    await this.#loop.stop();
  }

  metrics(): Record<string, unknown> {
    return { reconciles: this.#loop.reconciles, errors: this.#loop.errors };
  }

  #resyncAll(): void {
    for (const app of this.ops.store.list(APPLICATIONS))
      this.#loop.enqueue(objectKey(app));
  }

  async #reconcile(key: string): Promise<number | void> {
    const type = this.ops.registry.byKind('core.oam.dev', 'Application');
    const { namespace, name } = splitKey(key);
    const app = type && this.ops.tryGet(type, namespace, name);
    if (!type || !app) return undefined;
    if (app.metadata.deletionTimestamp) return this.#finalize(type, app);
    const current = setFinalizer(this.ops, type, app, FINALIZER, true) ?? app;
    const components: Component[] = current.spec?.components ?? [];

    const problem = parseProblem(components);
    if (problem) {
      writeStatus(
        this.ops,
        type,
        current,
        failedApplicationStatus(current, problem),
      );
      return undefined;
    }
    const applied: KubeObject[] = [];
    const services: ServiceHealth[] = components.map(component => {
      const rendered = renderComponent(current, component);
      let applyError: string | undefined;
      const objects: KubeObject[] = [];
      for (const object of rendered.objects) {
        try {
          objects.push(this.#apply(object));
        } catch (error) {
          applyError ??= `${object.kind} ${object.metadata.name}: ${
            (error as Error).message
          }`;
        }
      }
      applied.push(...objects);
      const workload = objects.find(
        o => o.kind === rendered.workloadDefinition.kind,
      );
      return {
        name: component.name,
        ...health(workload, component),
        workloadDefinition: rendered.workloadDefinition,
        traits: (component.traits ?? []).map(t => t.type),
        applyError,
      };
    });
    this.#pruneStale(current, applied);
    const latest = this.ops.tryGet(type, namespace, name);
    if (latest)
      writeStatus(
        this.ops,
        type,
        latest,
        applicationStatus(latest, services, applied),
      );
    return services.some(s => s.applyError) ? 5000 : undefined;
  }

  /** Creates or updates one rendered object (KubeVela applies with its own field ownership). */
  #apply(object: KubeObject): KubeObject {
    const type = this.#typeOf(object);
    if (!type)
      throw new Error(
        `no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
      );
    const existing = this.ops.tryGet(
      type,
      object.metadata.namespace,
      object.metadata.name,
    );
    if (!existing)
      return this.ops.create(type, object.metadata.namespace, object).object;
    if (
      isSubset(object.spec, existing.spec) &&
      isSubset(object.metadata.labels, existing.metadata.labels)
    )
      return existing;
    const next = {
      ...existing,
      spec: object.spec,
      metadata: {
        ...existing.metadata,
        labels: { ...existing.metadata.labels, ...object.metadata.labels },
      },
    };
    return this.ops.update(
      type,
      existing.metadata.namespace,
      existing.metadata.name,
      next,
    ).object;
  }

  #rendered(
    app: KubeObject,
  ): Array<{ type: ResourceType; object: KubeObject }> {
    return RENDERED_KINDS.flatMap(([group, kind]) => {
      const type = this.ops.registry.byKind(group, kind);
      if (!type) return [];
      return this.ops
        .list(type, app.metadata.namespace)
        .filter(o => o.metadata.labels?.[APP_LABEL] === app.metadata.name)
        .map(object => ({ type, object }));
    });
  }

  #pruneStale(app: KubeObject, keep: KubeObject[]): void {
    const kept = new Set(keep.map(o => `${o.kind}/${o.metadata.name}`));
    for (const { type, object } of this.#rendered(app)) {
      if (
        !kept.has(`${object.kind}/${object.metadata.name}`) &&
        !object.metadata.deletionTimestamp
      )
        this.ops.delete(type, object.metadata.namespace, object.metadata.name);
    }
  }

  #finalize(type: ResourceType, app: KubeObject): number | void {
    if (!app.metadata.finalizers?.includes(FINALIZER)) return undefined;
    const left = this.#rendered(app);
    if (app.status?.status !== 'deleting')
      writeStatus(this.ops, type, app, { ...app.status, status: 'deleting' });
    for (const { type: t, object } of left)
      if (!object.metadata.deletionTimestamp)
        this.ops.delete(t, object.metadata.namespace, object.metadata.name);
    if (left.length) return 300; // wait for finalizers of what it rendered (Kratix's delete workflow)
    setFinalizer(this.ops, type, app, FINALIZER, false);
    return undefined;
  }

  #typeOf(object: KubeObject): ResourceType | undefined {
    const [group, version] = object.apiVersion.includes('/')
      ? object.apiVersion.split('/')
      : ['', object.apiVersion];
    return this.ops.registry.byKind(group, object.kind, version);
  }
}

function parseProblem(components: Component[]): string | undefined {
  for (const c of components) {
    if (!COMPONENT_TYPES.includes(c.type))
      return `failed to parse application: component "${
        c.name
      }": ComponentDefinition.core.oam.dev "${
        c.type
      }" not found (this sandbox renders: ${COMPONENT_TYPES.join(', ')})`;
    for (const t of c.traits ?? []) {
      if (!TRAIT_TYPES.includes(t.type))
        return `failed to parse application: component "${
          c.name
        }": TraitDefinition.core.oam.dev "${
          t.type
        }" not found (this sandbox renders: ${TRAIT_TYPES.join(', ')})`;
    }
  }
  return undefined;
}

/** The definitions' health policies: ConfigureWorkflowCompleted for the table, Ready:n/m for webservice. */
function health(
  workload: KubeObject | undefined,
  component: Component,
): { healthy: boolean; message: string } {
  if (!workload) return { healthy: false, message: 'not applied' };
  if (component.type === 'aws-dynamodb-kratix') {
    const done = (workload.status?.conditions ?? []).some(
      (c: any) =>
        c.type === 'ConfigureWorkflowCompleted' && c.status === 'True',
    );
    return {
      healthy: done,
      message:
        workload.status?.message ??
        'Waiting for Kratix to run the aws-dynamodb-kratix workflow',
    };
  }
  const replicas = workload.spec?.replicas ?? 1;
  const ready = workload.status?.readyReplicas ?? 0;
  return { healthy: ready >= replicas, message: `Ready:${ready}/${replicas}` };
}

/** Whether everything `desired` says is already so in `actual` (which may hold server defaults on top). */
function isSubset(desired: unknown, actual: unknown): boolean {
  if (Array.isArray(desired))
    return (
      Array.isArray(actual) &&
      desired.length === actual.length &&
      desired.every((d, i) => isSubset(d, actual[i]))
    );
  if (desired && typeof desired === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(desired).every(
      ([k, v]) =>
        v === undefined || isSubset(v, (actual as Record<string, unknown>)[k]),
    );
  }
  return desired === actual;
}
