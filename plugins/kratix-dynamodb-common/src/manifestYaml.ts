import jsyaml from 'js-yaml';

/**
 * The YAML text of a manifest bound for a cluster, read back the same by every reader.
 *
 * @remarks
 * Kubernetes tooling written in Go (kubectl, Kratix, Flux, Argo CD) reads YAML 1.1, where a bare
 * `y`, `n`, `yes`, `no`, `on` or `off` is a boolean. A YAML 1.2 writer leaves those strings bare,
 * so an attribute named `y` reached the cluster as `true`. This writer quotes them (and any
 * string that reads as a number or null), folds no lines and writes no anchors.
 *
 * @public
 */
export function toManifestYaml(value: unknown): string {
  return jsyaml.dump(value, {
    schema: jsyaml.CORE_SCHEMA,
    lineWidth: -1,
    noRefs: true,
  });
}
