/** Request counts the benchmarks and tests read: by verb, by resource and verb, and by HTTP code. */
export type RequestCounts = {
  total: number;
  byVerb: Record<string, number>;
  byResource: Record<string, Record<string, number>>;
  byCode: Record<string, number>;
};

export class RequestCounter {
  #counts: RequestCounts = { total: 0, byVerb: {}, byResource: {}, byCode: {} };

  /** `resource` is e.g. `tables.dynamodb.services.k8s.aws`, `services/proxy`, or `(discovery)` for non-resource URLs. */
  record(verb: string, resource: string, code: number): void {
    const c = this.#counts;
    c.total++;
    c.byVerb[verb] = (c.byVerb[verb] ?? 0) + 1;
    const perVerb = (c.byResource[resource] ??= {});
    perVerb[verb] = (perVerb[verb] ?? 0) + 1;
    c.byCode[code] = (c.byCode[code] ?? 0) + 1;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.#counts);
  }

  reset(): void {
    this.#counts = { total: 0, byVerb: {}, byResource: {}, byCode: {} };
  }
}
