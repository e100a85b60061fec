import fs from 'node:fs';
import path from 'node:path';
import type { ClusterOperations } from '../store/ClusterOperations';
import type { KubeObject } from '../store/ObjectStore';
import { SANDBOX_PACKAGE_DIR } from '../packageDir';
import { parseYamlDocuments } from '../yamlText';

/** Creates the CRDs in ../crds (the kinds the sandbox plays), or brings them up to date. */
export function installCrd(ops: ClusterOperations, file: string): void {
  const crds = ops.registry.byKind(
    'apiextensions.k8s.io',
    'CustomResourceDefinition',
  )!;
  const text = fs.readFileSync(
    path.join(SANDBOX_PACKAGE_DIR, 'crds', file),
    'utf8',
  );
  for (const doc of parseYamlDocuments(text)) {
    const crd = doc as KubeObject;
    const existing = ops.tryGet(crds, undefined, crd.metadata.name);
    if (!existing) ops.create(crds, undefined, crd);
    else if (JSON.stringify(existing.spec) !== JSON.stringify(crd.spec)) {
      ops.update(crds, undefined, crd.metadata.name, {
        ...crd,
        metadata: { ...existing.metadata },
      });
    }
  }
}

export function removeCrd(ops: ClusterOperations, name: string): void {
  const crds = ops.registry.byKind(
    'apiextensions.k8s.io',
    'CustomResourceDefinition',
  )!;
  if (ops.tryGet(crds, undefined, name)) ops.delete(crds, undefined, name);
}
