import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ACK_TABLE_GVK,
  ANNOTATIONS,
  ChainObject,
  DYNAMODB_COMPONENT_TYPE,
  DYNAMODB_PROMISE_NAME,
  DYNAMODB_REQUEST_GVK,
  GroupVersionKind,
  KRATIX_PROMISE_GVK,
  KUBEVELA_APPLICATION_GVK,
  LABELS,
  overallState,
  StatusChain,
  StatusStage,
} from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { StatusChainService } from '../services/StatusChainService';
import { ClusterObjectCaches } from './ClusterObjectCaches';
import { HealthProber } from './HealthProber';
import { CacheState } from './ObjectCache';
import { skippedStage, unknownStage } from './conditions';
import { applicationStage } from './stages/applicationStage';
import { healthStage } from './stages/healthStage';
import { promiseStage } from './stages/promiseStage';
import { requestStage } from './stages/requestStage';
import { tableStage } from './stages/tableStage';
import { workflowStage } from './stages/workflowStage';

export type StatusOptions = {
  /** How long a new object may go without status before that is a diagnosis. */
  graceMs: number;
  /** How long to wait for a cluster before its stages are reported unknown. */
  clusterTimeoutMs: number;
  livenessPath: string;
  readinessPath: string;
};

type Read = { state: CacheState; get: (ns: string | undefined, name: string) => KubernetesObject | undefined; find: (p: (o: KubernetesObject) => boolean) => KubernetesObject | undefined };

const splitRef = (ref: string) => {
  const [namespace, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref];
  return { namespace, name };
};

/** The status chain read from the cluster that the entity's annotations name. */
export class ClusterStatusChainService implements StatusChainService {
  readonly #caches: ClusterObjectCaches;
  readonly #prober: HealthProber;
  readonly #options: StatusOptions;

  constructor(caches: ClusterObjectCaches, prober: HealthProber, options: StatusOptions) {
    this.#caches = caches;
    this.#prober = prober;
    this.#options = options;
  }

  async #read(cluster: string, gvk: GroupVersionKind): Promise<Read> {
    try {
      const cache = await this.#caches.cache(cluster, gvk);
      const state = await cache.waitForFirstSync(this.#options.clusterTimeoutMs);
      return { state, get: (ns, n) => cache.get(ns, n), find: p => cache.find(p) };
    } catch (e) {
      return { state: { kind: 'failed', message: (e as Error).message }, get: () => undefined, find: () => undefined };
    }
  }

  async getStatusChain(entity: Entity, options: { includeObjects?: boolean } = {}): Promise<StatusChain> {
    const annotations = entity.metadata.annotations ?? {};
    const cluster = annotations[ANNOTATIONS.cluster];
    const entityRef = stringifyEntityRef(entity);
    const now = new Date();
    const seen: KubernetesObject[] = [];
    const stages = cluster
      ? await this.#stages(cluster, annotations, now, seen)
      : (['promise', 'request', 'workflow', 'table', 'application', 'health'] as const).map(id =>
          unknownStage(id, 'The entity does not say which cluster it lives on', `Add the ${ANNOTATIONS.cluster} annotation`),
        );
    const chain: StatusChain = { entityRef, cluster, overall: overallState(stages), stages, checkedAt: now.toISOString() };
    if (options.includeObjects) chain.objects = seen.map(toChainObject);
    return chain;
  }

  /** The stages; every object read along the way is pushed to `seen`. */
  async #stages(cluster: string, annotations: Record<string, string>, now: Date, seen: KubernetesObject[]): Promise<StatusStage[]> {
    const [promises, requests, tables, apps] = await Promise.all([
      this.#read(cluster, KRATIX_PROMISE_GVK),
      this.#read(cluster, DYNAMODB_REQUEST_GVK),
      this.#read(cluster, ACK_TABLE_GVK),
      annotations[ANNOTATIONS.application] ? this.#read(cluster, KUBEVELA_APPLICATION_GVK) : undefined,
    ]);
    // A stage whose kind could not be read: the cluster did not answer (unknown), or the kind
    // is not installed there (an error, with what to install).
    const unreadable = (id: StatusStage['id'], read: Read, installHint: string): StatusStage | undefined => {
      if (read.state.kind === 'failed') {
        return unknownStage(id, `Could not read the cluster: ${read.state.message}`, 'Check the cluster URL, credentials and network from the Backstage backend');
      }
      if (read.state.kind === 'missing-api') return { ...unknownStage(id, read.state.message, installHint), state: 'error' };
      return undefined;
    };

    const note = <T extends KubernetesObject | undefined>(o: T): T => {
      if (o) seen.push(o);
      return o;
    };
    // A missing Promise API is the Kratix diagnosis itself, not a generic unreadable stage.
    const promise =
      promises.state.kind === 'missing-api'
        ? promiseStage({ kind: 'missing-api' })
        : unreadable('promise', promises, 'Install Kratix') ??
          (() => {
            const object = note(promises.get(undefined, DYNAMODB_PROMISE_NAME));
            return promiseStage(object ? { kind: 'found', object } : { kind: 'absent' });
          })();

    const appRef = annotations[ANNOTATIONS.application];
    const app = note(appRef && apps ? apps.get(splitRef(appRef).namespace, splitRef(appRef).name) : undefined);
    const requestRef = annotations[ANNOTATIONS.request] ?? (app ? requestRefFromApplication(app) : undefined);

    const stages: StatusStage[] = [promise];
    if (!requestRef) {
      stages.push(
        unknownStage('request', 'No DynamoDB request is linked to this entity', appRef ? `The application ${appRef} has no ${DYNAMODB_COMPONENT_TYPE} component` : undefined),
        unknownStage('workflow', 'No request, so no workflow'),
        unknownStage('table', 'No request, so no table'),
      );
    } else {
      const { namespace, name } = splitRef(requestRef);
      const requestUnreadable = unreadable('request', requests, 'Apply the aws-dynamodb-kratix Promise');
      const request = note(requests.get(namespace, name));
      stages.push(requestUnreadable ?? requestStage(request, requestRef, now, this.#options.graceMs));
      const workflow = requestUnreadable ? unknownStage('workflow', 'The request could not be read') : workflowStage(request);
      stages.push(workflow);
      const table = note(tables.find(t => t.metadata.labels?.[LABELS.requestName] === name && (t.metadata.labels?.[LABELS.requestNamespace] ?? t.metadata.namespace) === namespace));
      stages.push(
        unreadable('table', tables, 'Install the ACK DynamoDB controller') ??
          tableStage(table, { workflowDone: workflow.state === 'ok', now, graceMs: this.#options.graceMs }),
      );
    }

    if (!appRef || !apps) {
      stages.push(skippedStage('application', 'No KubeVela application for this entity'), skippedStage('health', 'No service to probe'));
      return stages;
    }
    stages.push(unreadable('application', apps, 'Install KubeVela') ?? applicationStage(app, appRef));
    stages.push(await this.#health(cluster, app));
    return stages;
  }

  async #health(cluster: string, app: KubernetesObject | undefined): Promise<StatusStage> {
    const service = app ? webServiceOf(app) : undefined;
    if (!app || !service) return skippedStage('health', 'The application has no webservice component to probe');
    const target = { cluster, namespace: app.metadata.namespace ?? 'default', service: service.name, port: service.port };
    const [liveness, readiness] = await Promise.all([
      this.#prober.probe({ ...target, path: this.#options.livenessPath }),
      this.#prober.probe({ ...target, path: this.#options.readinessPath }),
    ]);
    return healthStage(service.name, { liveness: this.#options.livenessPath, readiness: this.#options.readinessPath }, liveness, readiness);
  }
}

function toChainObject(o: KubernetesObject): ChainObject {
  const { managedFields: _dropped, ...metadata } = o.metadata as KubernetesObject['metadata'] & { managedFields?: unknown };
  return { kind: o.kind ?? 'Unknown', namespace: o.metadata.namespace, name: o.metadata.name, manifest: { ...o, metadata } };
}

/** KubeVela renders the component's DynamoDBRequest under the component's own name. */
function requestRefFromApplication(app: KubernetesObject): string | undefined {
  const component = (app.spec?.components ?? []).find((c: any) => c.type === DYNAMODB_COMPONENT_TYPE);
  return component ? `${app.metadata.namespace ?? 'default'}/${component.name}` : undefined;
}

/** The Service KubeVela makes for a webservice component: its name, on its first port. */
function webServiceOf(app: KubernetesObject): { name: string; port: number } | undefined {
  const component = (app.spec?.components ?? []).find((c: any) => c.type === 'webservice');
  if (!component) return undefined;
  const port = component.properties?.ports?.[0]?.port ?? component.properties?.port ?? 80;
  return { name: component.name, port: Number(port) };
}
