import type { EndpointResolver, ServicePort } from './EndpointResolver';
import { ReconcileLoop } from '../reconcile/ReconcileLoop';
import { objectKey, splitKey } from '../reconcile/objectKeys';
import { writeStatus } from '../reconcile/statusWrites';
import type { LocalImage } from '../SandboxOptions';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import { deploymentStatus } from './deploymentStatus';
import { freePort, LocalProcess } from './LocalProcess';

const DEPLOYMENTS = 'deployments.apps';

type Workload = {
  templateHash: string;
  processes: LocalProcess[];
  labels: Record<string, string>;
  containerPorts: Array<{ name?: string; containerPort: number }>;
};

export type WorkloadRunnerOptions = {
  images: Record<string, LocalImage>;
  cwd: string;
  /** Added to every process's environment (the DynamoDB endpoint and dummy AWS credentials). */
  baseEnv: Record<string, string>;
};

/**
 * The sandbox's kubelet: for each Deployment whose image is mapped to a local command, it runs
 * `replicas` processes and reports their readiness in the Deployment status; it also tells the
 * service proxy which local ports back a Service. Unmapped images never become ready, like an
 * image that cannot be pulled.
 */
export class LocalWorkloadRunner implements EndpointResolver {
  readonly #loop: ReconcileLoop;
  readonly #workloads = new Map<string, Workload>();
  #unsubscribe?: () => void;

  constructor(
    private readonly ops: ClusterOperations,
    private readonly options: WorkloadRunnerOptions,
    private readonly log: (line: string) => void,
  ) {
    this.#loop = new ReconcileLoop(
      'workloads',
      key => this.#reconcile(key),
      log,
    );
  }

  start(): void {
    this.#unsubscribe = this.ops.store.subscribe(event => {
      if (event.key === DEPLOYMENTS)
        this.#loop.enqueue(objectKey(event.object));
    });
    for (const d of this.ops.store.list(DEPLOYMENTS))
      this.#loop.enqueue(objectKey(d));
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    await this.#loop.stop();
    await Promise.all(
      [...this.#workloads.values()].flatMap(w =>
        w.processes.map(p => p.stop()),
      ),
    );
    this.#workloads.clear();
  }

  metrics(): Record<string, unknown> {
    const processes = [...this.#workloads.values()].flatMap(w => w.processes);
    return {
      deployments: this.#workloads.size,
      processes: processes.length,
      ready: processes.filter(p => p.ready).length,
    };
  }

  endpointsFor(
    service: KubeObject,
    port: ServicePort,
  ): Array<{ host: string; port: number }> {
    const selector: Record<string, string> = service.spec?.selector ?? {};
    if (!Object.keys(selector).length) return [];
    const endpoints: Array<{ host: string; port: number }> = [];
    for (const [key, workload] of this.#workloads) {
      if (splitKey(key).namespace !== service.metadata.namespace) continue;
      if (!Object.entries(selector).every(([k, v]) => workload.labels[k] === v))
        continue;
      const target = port.targetPort ?? port.port;
      const matchesPort =
        workload.containerPorts.length === 0 ||
        workload.containerPorts.some(
          p => p.containerPort === Number(target) || p.name === target,
        );
      if (!matchesPort) continue;
      for (const p of workload.processes)
        if (p.ready) endpoints.push({ host: '127.0.0.1', port: p.port });
    }
    return endpoints;
  }

  async #reconcile(key: string): Promise<void> {
    const deployments = this.ops.registry.byKind('apps', 'Deployment')!;
    const { namespace, name } = splitKey(key);
    const deployment = this.ops.tryGet(deployments, namespace, name);
    const existing = this.#workloads.get(key);
    if (!deployment) {
      if (existing) await Promise.all(existing.processes.map(p => p.stop()));
      this.#workloads.delete(key);
      return;
    }
    const template = deployment.spec?.template ?? {};
    const templateHash = JSON.stringify(template);
    const container = template.spec?.containers?.[0] ?? {};
    const replicas = deployment.spec?.replicas ?? 1;
    let workload = existing;
    if (!workload || workload.templateHash !== templateHash) {
      if (workload) await Promise.all(workload.processes.map(p => p.stop()));
      workload = {
        templateHash,
        processes: [],
        labels: template.metadata?.labels ?? {},
        containerPorts: container.ports ?? [],
      };
      this.#workloads.set(key, workload);
    }
    const image = this.options.images[container.image];
    if (image) {
      while (workload.processes.length < replicas) {
        const process = new LocalProcess(
          await freePort(),
          this.#processSpec(image, container, namespace),
          () => this.#loop.enqueue(key),
          this.log,
        );
        workload.processes.push(process);
        process.start();
      }
      const surplus = workload.processes.splice(replicas);
      await Promise.all(surplus.map(p => p.stop()));
    }
    const ready = workload.processes.filter(p => p.ready).length;
    const latest = this.ops.tryGet(deployments, namespace, name);
    if (latest)
      writeStatus(
        this.ops,
        deployments,
        latest,
        deploymentStatus(
          latest,
          workload.processes.length,
          ready,
          image ? undefined : container.image,
        ),
      );
  }

  #processSpec(
    image: LocalImage,
    container: any,
    namespace: string | undefined,
  ) {
    const env: Record<string, string> = { ...this.options.baseEnv };
    for (const e of container.env ?? []) {
      const value = e.value ?? this.#valueFrom(e.valueFrom, namespace);
      if (value !== undefined) env[e.name] = String(value);
    }
    const probe = container.readinessProbe;
    return {
      command: image.command,
      args: [...(image.args ?? []), ...(container.args ?? [])],
      cwd: image.cwd ?? this.options.cwd,
      env,
      readinessPath: probe?.httpGet?.path,
      // Probes run at least every 2 s here, so a sandbox app turns ready in seconds, not minutes.
      probePeriodMs: Math.min(2000, (probe?.periodSeconds ?? 10) * 1000),
      initialDelayMs:
        Math.min(1000, (probe?.initialDelaySeconds ?? 0) * 1000) || 200,
    };
  }

  #valueFrom(source: any, namespace: string | undefined): string | undefined {
    const ref = source?.secretKeyRef ?? source?.configMapKeyRef;
    if (!ref) return undefined;
    const type = this.ops.registry.byKind(
      '',
      source.secretKeyRef ? 'Secret' : 'ConfigMap',
    );
    const holder = type && this.ops.tryGet(type, namespace, ref.name);
    const raw = (holder?.data as Record<string, string> | undefined)?.[ref.key];
    if (raw === undefined) return undefined;
    return source.secretKeyRef
      ? Buffer.from(raw, 'base64').toString('utf8')
      : raw;
  }
}
