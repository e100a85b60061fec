import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ACK_TABLE_GVK,
  ACK_TABLE_LABEL_SELECTOR,
  ANNOTATIONS,
  ChainObject,
  DYNAMODB_COMPONENT_TYPE,
  GroupVersionKind,
  KRATIX_PROMISE_GVK,
  KUBEVELA_APPLICATION_GVK,
  KUBEVELA_APPLICATION_LABEL_SELECTOR,
  LABELS,
  overallState,
  STATUS_STAGE_IDS,
  StatusChain,
  StatusStage,
} from '@kratix-dynamodb/common';
import {
  ClusterInformers,
  KratixClustersService,
  KubernetesObject,
  ObjectScope,
} from '@kratix-dynamodb/node';
import {
  StatusChainReadOptions,
  StatusChainService,
} from '../services/StatusChainService';
import { ChainReads, KindRead, readKind, splitRef } from './ChainReads';
import { readKindsAsUser } from './readKindsAsUser';
import {
  makesDynamoDBTable,
  promiseNameOf,
  requestKindOf,
} from './requestKinds';
import { untrustedLinkReason } from './linkTrust';
import { skippedStage, unknownStage } from './conditions';
import { HealthProber } from './HealthProber';
import { StatusOptions } from './readStatusOptions';
import {
  findApplication,
  readApplicationStage,
} from './stages/readApplicationStage';
import { readHealthStage } from './stages/readHealthStage';
import { readPromiseStage } from './stages/readPromiseStage';
import { linkedRequestRef, readRequestStage } from './stages/readRequestStage';
import { readKindTableStage } from './stages/readKindStages';
import { readWorkflowStage } from './stages/readWorkflowStage';

/** A kind no stage will look into: the entity links nothing of it. */
const NOTHING_LINKED: KindRead = {
  state: { kind: 'synced' },
  get: () => undefined,
  find: () => undefined,
};

/** Told after each read which objects an entity's chain was judged from (for live updates). */
export type ChainReadListener = (
  entityRef: string,
  cluster: string,
  annotations: Record<string, string>,
  seen: KubernetesObject[],
) => void;

/**
 * The status chain read from the cluster that the entity's annotations name. Each stage has
 * its own reader beside it in stages/; this service only decides which readers run, in order.
 */
export class ClusterStatusChainService implements StatusChainService {
  readonly #clusters: Pick<KratixClustersService, 'clients' | 'informers'>;
  readonly #informers: ClusterInformers;
  readonly #prober: HealthProber;
  readonly #options: StatusOptions;
  readonly #onRead?: ChainReadListener;

  constructor(
    clusters: Pick<KratixClustersService, 'clients' | 'informers'>,
    prober: HealthProber,
    options: StatusOptions,
    onRead?: ChainReadListener,
  ) {
    this.#clusters = clusters;
    this.#informers = clusters.informers;
    this.#prober = prober;
    this.#options = options;
    this.#onRead = onRead;
  }

  async getStatusChain(
    entity: Entity,
    options: StatusChainReadOptions = {},
  ): Promise<StatusChain> {
    const annotations = entity.metadata.annotations ?? {};
    const cluster = annotations[ANNOTATIONS.cluster];
    const entityRef = stringifyEntityRef(entity);
    const now = new Date();
    const seen: KubernetesObject[] = [];
    if (cluster) await this.#options.tenancy.ready?.(cluster);
    const untrusted = cluster
      ? this.#untrustedLink(entity, cluster, annotations)
      : undefined;
    let stages: StatusStage[];
    if (!cluster) {
      stages = STATUS_STAGE_IDS.map(id =>
        unknownStage(
          id,
          'The entity does not say which cluster it lives on',
          `Add the ${ANNOTATIONS.cluster} annotation`,
        ),
      );
    } else if (untrusted) {
      // Nothing is read for a link that is not proven: not even whether the object exists.
      stages = STATUS_STAGE_IDS.map(id =>
        unknownStage(
          id,
          untrusted,
          'Use the entity the catalog provider made for this object, or ask the platform team to bind the namespace to your team (kratixDynamodb.tenancy.namespaces)',
        ),
      );
    } else if (await this.#readsAsUser(cluster)) {
      // Read now, with this caller's token only: nothing is cached, watched or signalled.
      const { reads, prober } = await readKindsAsUser(
        this.#clusters.clients,
        { cluster, annotations, now, seen, options: this.#options },
        options.userTokens,
      );
      stages = await this.#stages(reads, annotations, prober);
    } else {
      stages = await this.#stages(
        await this.#readKinds(cluster, annotations, now, seen),
        annotations,
      );
      this.#onRead?.(entityRef, cluster, annotations, seen);
    }
    const chain: StatusChain = {
      entityRef,
      cluster,
      overall: overallState(stages),
      stages,
      checkedAt: now.toISOString(),
    };
    if (options.includeObjects) chain.objects = seen.map(toChainObject);
    return chain;
  }

  /**
   * Every kind the chain needs; each object a reader uses is pushed to `seen`. The Application
   * comes first, since it may name the request; in bounded mode each read then watches just
   * the object it looks up.
   */
  async #readKinds(
    cluster: string,
    annotations: Record<string, string>,
    now: Date,
    seen: KubernetesObject[],
  ): Promise<ChainReads> {
    const read = (
      gvk: GroupVersionKind,
      labelSelector: string | undefined,
      scope: ObjectScope,
    ) =>
      readKind(
        this.#informers,
        cluster,
        gvk,
        this.#options.clusterTimeoutMs,
        labelSelector,
        scope,
      );
    const appRef = annotations[ANNOTATIONS.application];
    const promiseName = promiseNameOf(annotations);
    const promisesRead = read(KRATIX_PROMISE_GVK, undefined, {
      name: promiseName,
    });
    const applications = appRef
      ? await read(
          KUBEVELA_APPLICATION_GVK,
          KUBEVELA_APPLICATION_LABEL_SELECTOR,
          splitRef(appRef),
        )
      : undefined;
    const app =
      appRef && applications
        ? applications.get(splitRef(appRef).namespace, splitRef(appRef).name)
        : undefined;
    const requestRef = linkedRequestRef(annotations[ANNOTATIONS.request], app);
    const request = requestRef ? splitRef(requestRef) : undefined;
    // The request's kind comes from its Promise's API, so the Promise is read first.
    const promises = await promisesRead;
    const requestKind = requestKindOf(
      promiseName,
      promises.get(undefined, promiseName),
    );
    const [requests, tables] = await Promise.all([
      request && requestKind
        ? read(requestKind, undefined, request)
        : NOTHING_LINKED,
      request && makesDynamoDBTable(requestKind)
        ? read(ACK_TABLE_GVK, ACK_TABLE_LABEL_SELECTOR, {
            labelSelector: `${LABELS.requestName}=${request.name}`,
          })
        : NOTHING_LINKED,
    ]);
    const note = <T extends KubernetesObject | undefined>(object: T): T => {
      if (object) seen.push(object);
      return object;
    };
    return {
      cluster,
      now,
      options: this.#options,
      promiseName,
      requestKind,
      promises,
      requests,
      tables,
      applications,
      note,
    };
  }

  #untrustedLink(
    entity: Entity,
    cluster: string,
    annotations: Record<string, string>,
  ): string | undefined {
    const links = [
      { what: 'request' as const, ref: annotations[ANNOTATIONS.request] },
      {
        what: 'application' as const,
        ref: annotations[ANNOTATIONS.application],
      },
    ];
    for (const { what, ref } of links) {
      if (!ref) continue;
      const reason = untrustedLinkReason(
        entity,
        { what, cluster, ...splitRef(ref) },
        this.#options.tenancy,
      );
      if (reason) return reason;
    }
    return undefined;
  }

  /** An unknown cluster is not read as a user: the shared path then says it is unknown. */
  #readsAsUser(cluster: string): Promise<boolean> {
    return this.#clusters.clients.actsAsUser(cluster).catch(() => false);
  }

  async #stages(
    reads: ChainReads,
    annotations: Record<string, string>,
    prober: Pick<HealthProber, 'probe'> = this.#prober,
  ): Promise<StatusStage[]> {
    const stages = [readPromiseStage(reads)];
    const appRef = annotations[ANNOTATIONS.application];
    const app = findApplication(reads, appRef);
    const requestRef = linkedRequestRef(annotations[ANNOTATIONS.request], app);
    if (!requestRef) {
      stages.push(
        unknownStage(
          'request',
          'No DynamoDB request is linked to this entity',
          appRef
            ? `The application ${appRef} has no ${DYNAMODB_COMPONENT_TYPE} component`
            : undefined,
        ),
        unknownStage('workflow', 'No request, so no workflow'),
        unknownStage('table', 'No request, so no table'),
      );
    } else if (!reads.requestKind) {
      const why = `The ${reads.promiseName} Promise could not be found on the cluster, so the kind of its request ${requestRef} is not known`;
      stages.push(
        unknownStage(
          'request',
          why,
          'See the Promise stage: once the Promise is installed, its request can be read',
        ),
        unknownStage('workflow', 'The request could not be read'),
        unknownStage('table', 'The request could not be read'),
      );
    } else {
      const request = readRequestStage(reads, requestRef);
      const workflow = readWorkflowStage(reads, requestRef);
      stages.push(
        request,
        workflow,
        readKindTableStage(
          reads,
          reads.requestKind,
          requestRef,
          workflow.state === 'ok',
        ),
      );
    }

    if (!appRef || !reads.applications) {
      stages.push(
        skippedStage('application', 'No KubeVela application for this entity'),
        skippedStage('health', 'No service to probe'),
      );
      return stages;
    }
    stages.push(readApplicationStage(reads.applications, appRef, app));
    stages.push(await readHealthStage(reads, prober, app));
    return stages;
  }
}

function toChainObject(o: KubernetesObject): ChainObject {
  const { managedFields: _dropped, ...metadata } =
    o.metadata as KubernetesObject['metadata'] & { managedFields?: unknown };
  return {
    kind: o.kind ?? 'Unknown',
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    manifest: { ...o, metadata },
  };
}
