import type { KubeObject } from '../store/ObjectStore';

/** The work-queue key of an object: `<namespace>/<name>`, an empty namespace when cluster-scoped. */
export function objectKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const [namespace, name] = key.split('/');
  return { namespace: namespace || undefined, name };
}
