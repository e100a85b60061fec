import { KubernetesObject } from '../KubernetesClient';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object without what no reader of the cache uses but every object carries: managedFields
 * and kubectl's last-applied copy of the whole object. Together they are often more than half
 * of an object's size.
 */
export function slimObject(object: KubernetesObject): KubernetesObject {
  const metadata = object.metadata as KubernetesObject['metadata'] & {
    managedFields?: unknown;
  };
  const annotations = metadata.annotations;
  if (!metadata.managedFields && !(annotations && LAST_APPLIED in annotations))
    return object;
  const { managedFields: _managed, ...rest } = metadata;
  let slimAnnotations = annotations;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...others } = annotations;
    slimAnnotations = others;
  }
  return {
    ...object,
    metadata: {
      ...rest,
      ...(slimAnnotations ? { annotations: slimAnnotations } : {}),
    },
  };
}
