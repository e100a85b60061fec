/**
 * Failures the sandbox can stage on demand, so the card's diagnoses can be seen and tested:
 * each one mimics what a broken real setup looks like from the API.
 */
export type Faults = {
  /** No Promise CRD and no Kratix controller: requests get no status. */
  kratixMissing?: boolean;
  /** 'no-status': the ACK controller crash-loops (Tables get no status); 'recoverable': it runs with bad credentials. */
  ackNoCredentials?: false | 'no-status' | 'recoverable';
  /** The configure/delete workflow fails with this message (true: a default message). */
  workflowFails?: boolean | string;
  /** Delay added to every API request. */
  apiLatencyMs?: number;
  /** Fraction (0-1) of API requests that fail with `api5xx`; defaults to 1 when only `api5xx` is set. */
  apiErrorRate?: number;
  /** The status API failures use: 500 (InternalError) or 503 (ServiceUnavailable). */
  api5xx?: 500 | 503 | boolean;
  /** Every API connection is closed at once, as if the server were down. */
  apiDown?: boolean;
  /**
   * Every open and new watch stays open and sends nothing (no events, no bookmarks, not even its
   * end) until cleared; what happens meanwhile is lost on those streams, as behind a proxy or
   * load balancer that silently stopped forwarding.
   */
  watchStall?: boolean;
};

const KEYS: Array<keyof Faults> = [
  'kratixMissing',
  'ackNoCredentials',
  'workflowFails',
  'apiLatencyMs',
  'apiErrorRate',
  'api5xx',
  'apiDown',
  'watchStall',
];

export class FaultSettings {
  #faults: Faults = {};
  #listeners = new Set<(faults: Faults, previous: Faults) => void>();

  constructor(initial: Faults = {}) {
    this.#faults = normalise(initial);
  }

  get(): Faults {
    return { ...this.#faults };
  }

  /** Merges new settings in; `null` or `false` clears one. */
  set(changes: Partial<Record<keyof Faults, unknown>>): Faults {
    const previous = this.#faults;
    this.#faults = normalise({ ...previous, ...changes } as Faults);
    for (const listener of this.#listeners) listener(this.get(), previous);
    return this.get();
  }

  reset(): Faults {
    return this.set(Object.fromEntries(KEYS.map(k => [k, null])));
  }

  onChange(listener: (faults: Faults, previous: Faults) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether this API request should fail, and with which code. */
  failureCode(): number | undefined {
    const { apiErrorRate, api5xx } = this.#faults;
    const rate = apiErrorRate ?? (api5xx ? 1 : 0);
    if (rate <= 0 || Math.random() >= rate) return undefined;
    return api5xx === 500 ? 500 : 503;
  }
}

function normalise(input: Faults): Faults {
  const out: Faults = {};
  if (input.kratixMissing) out.kratixMissing = true;
  if (
    input.ackNoCredentials === 'no-status' ||
    input.ackNoCredentials === 'recoverable'
  )
    out.ackNoCredentials = input.ackNoCredentials;
  else if (input.ackNoCredentials === (true as unknown))
    out.ackNoCredentials = 'no-status';
  if (input.workflowFails) out.workflowFails = input.workflowFails;
  if (Number(input.apiLatencyMs) > 0)
    out.apiLatencyMs = Number(input.apiLatencyMs);
  if (Number(input.apiErrorRate) > 0)
    out.apiErrorRate = Math.min(1, Number(input.apiErrorRate));
  if (input.api5xx === 500 || input.api5xx === 503) out.api5xx = input.api5xx;
  else if (input.api5xx === true) out.api5xx = 503;
  if (input.apiDown) out.apiDown = true;
  if (input.watchStall) out.watchStall = true;
  return out;
}

/** Reads faults from SANDBOX_FAULTS (JSON) and the SANDBOX_FAULT_* variables. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Faults {
  const faults: Record<string, unknown> = env.SANDBOX_FAULTS
    ? JSON.parse(env.SANDBOX_FAULTS)
    : {};
  const flag = (v: string | undefined) =>
    v === undefined
      ? undefined
      : !['', '0', 'false', 'no'].includes(v.toLowerCase());
  const pick = <T>(name: string, value: T | undefined) => {
    if (value !== undefined) faults[name] = value;
  };
  pick('kratixMissing', flag(env.SANDBOX_FAULT_KRATIX_MISSING));
  pick('ackNoCredentials', env.SANDBOX_FAULT_ACK_NO_CREDENTIALS);
  pick('workflowFails', env.SANDBOX_FAULT_WORKFLOW_FAILS);
  pick(
    'apiLatencyMs',
    env.SANDBOX_FAULT_API_LATENCY_MS &&
      Number(env.SANDBOX_FAULT_API_LATENCY_MS),
  );
  pick(
    'apiErrorRate',
    env.SANDBOX_FAULT_API_ERROR_RATE &&
      Number(env.SANDBOX_FAULT_API_ERROR_RATE),
  );
  pick(
    'api5xx',
    env.SANDBOX_FAULT_API_5XX && Number(env.SANDBOX_FAULT_API_5XX),
  );
  pick('apiDown', flag(env.SANDBOX_FAULT_API_DOWN));
  pick('watchStall', flag(env.SANDBOX_FAULT_WATCH_STALL));
  return normalise(faults as Faults);
}
