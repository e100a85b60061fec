import jsyaml from 'js-yaml';

/** YAML 1.2's core schema, as the Kubernetes API reads YAML: no timestamps turned into Dates. */
const CORE = { schema: jsyaml.CORE_SCHEMA };

/** One YAML document as plain data (object.yaml, as Kratix writes it). */
export function parseYaml(text: string): unknown {
  return jsyaml.load(text, CORE);
}

/**
 * YAML for what the pipeline hands on. The Table manifest reaches the cluster through Kratix
 * and a GitOps agent, written in Go, which read YAML 1.1: there an unquoted y, n, yes, no, on or
 * off is a boolean. js-yaml quotes those strings; the `yaml` package wrote them bare, so a key
 * attribute named `y` reached ACK as `true`. It is also about five times faster, which counts in
 * the sandbox, where the pipeline runs once per request.
 */
export function toYaml(value: unknown): string {
  return jsyaml.dump(value, { ...CORE, lineWidth: -1, noRefs: true });
}
