import { BUILTIN_RESOURCES } from './builtinResources';
import type { JsonSchema } from '../schema/JsonSchema';
import type { PrinterColumn, ResourceType } from './ResourceType';

type CrdVersion = {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: { status?: object };
  additionalPrinterColumns?: PrinterColumn[];
};

/** The parts of a CustomResourceDefinition that decide what gets served. */
export type CrdObject = {
  metadata: { name: string };
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: {
      kind: string;
      plural: string;
      singular?: string;
      listKind?: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions: CrdVersion[];
  };
};

/**
 * Which kinds the server knows. Built-in kinds are fixed; creating or deleting a
 * CustomResourceDefinition adds or removes kinds, and `revision` changes so that discovery and
 * OpenAPI documents (and the hashes kubectl caches them by) change with it.
 */
export class CustomResourceRegistry {
  #types: ResourceType[] = [...BUILTIN_RESOURCES];
  #revision = 0;

  get revision(): number {
    return this.#revision;
  }

  all(): ResourceType[] {
    return this.#types;
  }

  groupVersions(): Array<{ group: string; version: string }> {
    const seen = new Map<string, { group: string; version: string }>();
    for (const t of this.#types)
      seen.set(`${t.group}/${t.version}`, {
        group: t.group,
        version: t.version,
      });
    return [...seen.values()];
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.#types.filter(t => t.group === group && t.version === version);
  }

  byPlural(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.#types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  /** The preferred (first served) version of a kind, for controllers that address kinds by group and kind. */
  byKind(
    group: string,
    kind: string,
    version?: string,
  ): ResourceType | undefined {
    return this.#types.find(
      t =>
        t.group === group &&
        t.kind === kind &&
        (!version || t.version === version),
    );
  }

  registerCrd(crd: CrdObject): void {
    this.#types = this.#types.filter(t => t.crdName !== crd.metadata.name);
    const { group, names, scope } = crd.spec;
    for (const v of crd.spec.versions ?? []) {
      if (v.served === false) continue;
      this.#types.push({
        group,
        version: v.name,
        kind: names.kind,
        listKind: names.listKind ?? `${names.kind}List`,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        namespaced: scope !== 'Cluster',
        shortNames: names.shortNames,
        categories: names.categories,
        schema: v.schema?.openAPIV3Schema,
        hasStatusSubresource: Boolean(v.subresources?.status),
        printerColumns: v.additionalPrinterColumns,
        crdName: crd.metadata.name,
      });
    }
    this.#revision++;
  }

  unregisterCrd(name: string): void {
    this.#types = this.#types.filter(t => t.crdName !== name);
    this.#revision++;
  }
}
