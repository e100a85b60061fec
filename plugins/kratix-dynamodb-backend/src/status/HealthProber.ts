import { ClusterClientFactory } from '@kratix-dynamodb/node';
import { notOfApplicationReason, SERVICE_GVK } from './serviceOfApplication';
import { ProbeResult } from './stages/healthStage';

export type ProbeTarget = {
  cluster: string;
  namespace: string;
  /** The KubeVela Application whose component the Service must have been rendered for. */
  application: string;
  /** The Service, named after the Application's webservice component. */
  service: string;
  port: number | string;
  path: string;
};

/**
 * Probes an app through its cluster's service proxy, and only a Service that KubeVela made
 * for the Application (by its labels), never another one in the namespace that happens to
 * carry the component's name. Results are kept for `ttlMs` from their
 * answer, and concurrent callers for one target share a single in-flight probe. Each probe is
 * bounded by the client: `timeoutMs` for the whole exchange and 64 KB of answer.
 */
export class HealthProber {
  readonly #clients: Pick<ClusterClientFactory, 'forCluster'>;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #results = new Map<
    string,
    { at: number; result: Promise<ProbeResult> }
  >();
  /** Probes not yet answered; each ends within the transport's deadline, so this stays small. */
  readonly #inFlight = new Map<string, Promise<ProbeResult>>();
  /** The last answer's outcome per target, to notice when it changes (bounded by #forgetExpired). */
  readonly #outcomes = new Map<string, string>();
  readonly #onChange?: (target: ProbeTarget) => void;

  constructor(
    clients: Pick<ClusterClientFactory, 'forCluster'>,
    options: {
      ttlMs: number;
      timeoutMs: number;
      onChange?: (target: ProbeTarget) => void;
    },
  ) {
    this.#clients = clients;
    this.#ttlMs = options.ttlMs;
    this.#timeoutMs = options.timeoutMs;
    this.#onChange = options.onChange;
  }

  probe(target: ProbeTarget): Promise<ProbeResult> {
    const id = `${target.cluster}|${target.namespace}|${target.application}|${target.service}:${target.port}|${target.path}`;
    // However long a probe takes (a slow app, a short TTL), a target never has two at once.
    const inFlight = this.#inFlight.get(id);
    if (inFlight) return inFlight;
    const cached = this.#results.get(id);
    if (cached && Date.now() - cached.at < this.#ttlMs) return cached.result;
    const result = this.#probeNow(target);
    this.#inFlight.set(id, result);
    this.#forgetExpired();
    this.#results.set(id, { at: Date.now(), result });
    void result.then(r => {
      this.#inFlight.delete(id);
      this.#results.set(id, { at: Date.now(), result });
      const outcome = r.ok
        ? 'ok'
        : `failed ${'status' in r ? r.status : 'error'}`;
      const before = this.#outcomes.get(id);
      this.#outcomes.set(id, outcome);
      if (before !== undefined && before !== outcome) this.#onChange?.(target);
    });
    return result;
  }

  /** Drops results past their time, so apps that are gone do not stay in memory. */
  #forgetExpired() {
    const now = Date.now();
    for (const [id, entry] of this.#results)
      if (now - entry.at >= this.#ttlMs) this.#results.delete(id);
    // Outcomes outlive results (that is their point), but not without bound.
    if (this.#outcomes.size > 10_000) this.#outcomes.clear();
  }

  async #probeNow(target: ProbeTarget): Promise<ProbeResult> {
    const started = Date.now();
    try {
      const client = await this.#clients.forCluster(target.cluster);
      let service;
      try {
        service = await client.get(
          SERVICE_GVK,
          target.namespace,
          target.service,
        );
      } catch (e) {
        return {
          ok: false,
          latencyMs: Date.now() - started,
          notProbed: `Could not read the Service ${target.namespace}/${
            target.service
          } to check that it belongs to the Application: ${
            (e as Error).message
          }`,
        };
      }
      const notProbed = notOfApplicationReason(service, target);
      if (notProbed) return { ok: false, latencyMs: 0, notProbed };
      const res = await client.proxyGet(
        target.namespace,
        target.service,
        target.port,
        target.path,
        this.#timeoutMs,
      );
      const ok = res.status >= 200 && res.status < 300;
      return {
        ok,
        status: res.status,
        latencyMs: res.latencyMs,
        body: res.body,
      } as ProbeResult;
    } catch (e) {
      return {
        ok: false,
        latencyMs: Date.now() - started,
        error: (e as Error).message,
      };
    }
  }
}
