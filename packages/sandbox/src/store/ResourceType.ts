import type { JsonSchema } from '../schema/JsonSchema';

/** One served resource (a kind at one group-version), as discovery and the handlers see it. */

export type PrinterColumn = {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
};

export type ResourceType = {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** The schema objects are checked against; built-in kinds have none. */
  schema?: JsonSchema;
  hasStatusSubresource: boolean;
  printerColumns?: PrinterColumn[];
  /** The verbs served, when not all of them (the access reviews are create-only). */
  verbs?: string[];
  /** Set for kinds a CustomResourceDefinition registered. */
  crdName?: string;
};

/** Objects are stored per group and plural, whatever version they were written at. */
export function storageKey(t: { group: string; plural: string }): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
