import { LABELS } from '@kratix-dynamodb/common';
import type { FaultSettings } from '../../faults/FaultSettings';
import type { ClusterOperations } from '../../store/ClusterOperations';
import type { KubeObject } from '../../store/ObjectStore';
import type { ResourceType } from '../../store/ResourceType';
import { splitKey } from '../../reconcile/objectKeys';
import { recordEvent } from '../../reconcile/recordEvent';
import { setFinalizer, writeStatus } from '../../reconcile/statusWrites';
import {
  applyWorkflowOutputs,
  deleteWorkflowOutputs,
  type ObjectRef,
} from './applyWorkflowOutputs';
import {
  requestFailedStatus,
  requestInProgressStatus,
  requestSucceededStatus,
} from './kratixStatus';
import type { PipelineChooser } from './pipelineImages';
import { promisePipelineNames } from './promiseApi';
import { runRequestWorkflow, type WorkflowResult } from './runRequestWorkflow';

const FINALIZERS = ['kratix.io/work-cleanup', 'kratix.io/delete-workflows'];
const COMPONENT = 'kratix-platform-controller';
/** Kratix's own label for "run the workflow again". */
const MANUAL_RECONCILIATION = 'kratix.io/manual-reconciliation';

/**
 * Reconciles one resource request the way Kratix does: finalizers first, then the configure
 * workflow for each new generation (status Pending → PipelinesInProgress → completed or failed),
 * and on deletion the delete workflow, the removal of what was applied, and the finalizers.
 */
export class RequestReconciler {
  readonly counts = { configureRuns: 0, deleteRuns: 0, failedRuns: 0 };
  #applied = new Map<string, ObjectRef[]>();
  /** Requests that failed only because of the workflowFails fault: re-run once it is cleared. */
  #failedUnderFault = new Set<string>();

  constructor(
    private readonly ops: ClusterOperations,
    private readonly faults: FaultSettings,
    private readonly pipelineFor: PipelineChooser,
    private readonly log: (line: string) => void,
  ) {}

  async reconcile(
    promise: KubeObject,
    kindKey: string,
    id: string,
  ): Promise<number | void> {
    const type = this.#typeOf(kindKey);
    const { namespace, name } = splitKey(id);
    const request = type && this.ops.tryGet(type, namespace, name);
    if (!type || !request) return undefined;
    if (request.metadata.deletionTimestamp)
      return this.#runDelete(promise, type, request);

    let current = request;
    for (const finalizer of FINALIZERS)
      current =
        setFinalizer(this.ops, type, current, finalizer, true) ?? current;
    const labels = current.metadata.labels ?? {};
    if (labels['kratix.io/promise-name'] !== promise.metadata.name) {
      current = this.ops.update(type, namespace, name, {
        ...current,
        metadata: {
          ...current.metadata,
          labels: {
            ...labels,
            'kratix.io/promise-name': promise.metadata.name,
          },
        },
      }).object;
    }
    const manual = current.metadata.labels?.[MANUAL_RECONCILIATION] === 'true';
    const retryAfterFault =
      this.#failedUnderFault.has(id) && !this.faults.get().workflowFails;
    if (
      current.status?.observedGeneration === current.metadata.generation &&
      !manual &&
      !retryAfterFault
    )
      return undefined;
    this.#failedUnderFault.delete(id);
    if (manual) {
      const { [MANUAL_RECONCILIATION]: _dropped, ...rest } =
        current.metadata.labels ?? {};
      current = this.ops.update(type, namespace, name, {
        ...current,
        metadata: { ...current.metadata, labels: rest },
      }).object;
    }

    const names = promisePipelineNames(promise, 'resource', 'configure');
    const pipelineNames = names.length ? names : ['instance-configure'];
    current = writeStatus(
      this.ops,
      type,
      current,
      requestInProgressStatus(current, pipelineNames),
    );
    recordEvent(
      this.ops,
      current,
      'Normal',
      'PipelineStarted',
      `Configure Pipeline started: ${pipelineNames[0]}`,
      COMPONENT,
    );
    this.counts.configureRuns++;
    const result = await this.#run(
      promise,
      current,
      'configure',
      pipelineNames[0],
    );
    const latest = this.ops.tryGet(type, namespace, name);
    if (!latest || latest.metadata.deletionTimestamp) return undefined;

    if (result.ok) {
      const { applied, failures } = applyWorkflowOutputs(
        this.ops,
        result.outputs,
        namespace ?? 'default',
      );
      this.#applied.set(this.#key(kindKey, latest), applied);
      if (failures.length) {
        this.log(
          `[kratix] ${id}: could not apply outputs: ${failures.join('; ')}`,
        );
        recordEvent(
          this.ops,
          latest,
          'Warning',
          'WorksFailing',
          failures.join('; '),
          COMPONENT,
        );
      }
      writeStatus(
        this.ops,
        type,
        latest,
        requestSucceededStatus(latest, pipelineNames, result.statusPatch),
      );
      recordEvent(
        this.ops,
        latest,
        'Normal',
        'PipelineCompleted',
        `Configure Pipeline completed: ${pipelineNames[0]}`,
        COMPONENT,
      );
    } else {
      this.counts.failedRuns++;
      if (this.faults.get().workflowFails) this.#failedUnderFault.add(id);
      writeStatus(
        this.ops,
        type,
        latest,
        requestFailedStatus(
          latest,
          pipelineNames,
          result.message,
          result.statusPatch,
        ),
      );
      recordEvent(
        this.ops,
        latest,
        'Warning',
        'PipelineFailed',
        `Configure Pipeline failed: ${pipelineNames[0]}: ${result.message}`,
        COMPONENT,
      );
    }
    return undefined;
  }

  /** Starts deleting a request whose Promise is going away. */
  deleteRequest(kindKey: string, request: KubeObject): void {
    const type = this.#typeOf(kindKey);
    if (type && !request.metadata.deletionTimestamp)
      this.ops.delete(type, request.metadata.namespace, request.metadata.name);
  }

  async #runDelete(
    promise: KubeObject,
    type: ResourceType,
    request: KubeObject,
  ): Promise<number | void> {
    if (!FINALIZERS.some(f => request.metadata.finalizers?.includes(f)))
      return undefined;
    const names = promisePipelineNames(promise, 'resource', 'delete');
    const pipelineName = names[0] ?? 'instance-delete';
    recordEvent(
      this.ops,
      request,
      'Normal',
      'PipelineStarted',
      `Delete Pipeline started: ${pipelineName}`,
      COMPONENT,
    );
    this.counts.deleteRuns++;
    const result = await this.#run(promise, request, 'delete', pipelineName);
    if (!result.ok) {
      // Kratix keeps the finalizer and retries a failed delete pipeline.
      this.counts.failedRuns++;
      recordEvent(
        this.ops,
        request,
        'Warning',
        'PipelineFailed',
        `Delete Pipeline failed: ${pipelineName}: ${result.message}`,
        COMPONENT,
      );
      return 5000;
    }
    recordEvent(
      this.ops,
      request,
      'Normal',
      'PipelineCompleted',
      `Delete Pipeline completed: ${pipelineName}`,
      COMPONENT,
    );
    const kindKey = `${type.plural}.${type.group}`;
    deleteWorkflowOutputs(this.ops, [
      ...(this.#applied.get(this.#key(kindKey, request)) ?? []),
      ...this.#labelledOutputs(request),
    ]);
    this.#applied.delete(this.#key(kindKey, request));
    let current: KubeObject | undefined = request;
    for (const finalizer of FINALIZERS)
      current =
        current && setFinalizer(this.ops, type, current, finalizer, false);
    return undefined;
  }

  /** Outputs found by the request labels the workflow stamps (survives a sandbox restart). */
  #labelledOutputs(request: KubeObject): ObjectRef[] {
    const tables = this.ops.registry.byKind(
      'dynamodb.services.k8s.aws',
      'Table',
    );
    if (!tables) return [];
    return this.ops
      .list(tables)
      .filter(
        t =>
          t.metadata.labels?.[LABELS.requestName] === request.metadata.name &&
          (t.metadata.labels?.[LABELS.requestNamespace] ??
            t.metadata.namespace) === request.metadata.namespace,
      )
      .map(t => ({
        group: tables.group,
        version: tables.version,
        kind: tables.kind,
        namespace: t.metadata.namespace,
        name: t.metadata.name,
      }));
  }

  async #run(
    promise: KubeObject,
    request: KubeObject,
    action: 'configure' | 'delete',
    pipelineName: string,
  ): Promise<WorkflowResult> {
    const failure = this.faults.get().workflowFails;
    if (failure) {
      const message =
        typeof failure === 'string'
          ? failure
          : `the ${action} pipeline failed (sandbox fault workflowFails)`;
      return { ok: false, message, outputs: [], statusPatch: {} };
    }
    let runner;
    try {
      runner = this.pipelineFor(promise, action);
    } catch (error) {
      return {
        ok: false,
        message: `cannot load the workflow pipeline: ${
          (error as Error).message
        }`,
        outputs: [],
        statusPatch: {},
      };
    }
    return runRequestWorkflow(
      runner,
      request,
      action,
      promise.metadata.name,
      pipelineName,
    );
  }

  #typeOf(kindKey: string): ResourceType | undefined {
    return this.ops.registry
      .all()
      .find(t => `${t.plural}.${t.group}` === kindKey);
  }

  #key(kindKey: string, o: KubeObject): string {
    return `${kindKey}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }
}
