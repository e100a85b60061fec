import {
  ACK_TABLE_GVK,
  DYNAMODB_REQUEST_GVK,
  GroupVersionKind,
  KRATIX_PROMISE_GVK,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';

/**
 * What it means, in the platform's words, that an API group is missing from a cluster:
 * a 404 on `/apis/<group>/<version>` says which piece of the platform is not installed.
 * @public
 */
export function apiNotInstalledMessage(
  cluster: string,
  gvk: GroupVersionKind,
): string {
  switch (gvk.group) {
    case KRATIX_PROMISE_GVK.group:
      return `Kratix is not installed on cluster '${cluster}' (no ${gvk.group} API)`;
    case DYNAMODB_REQUEST_GVK.group:
      return `The ${gvk.kind} API is not installed on cluster '${cluster}': apply the aws-dynamodb-kratix Promise (Kratix installs the CRD)`;
    case ACK_TABLE_GVK.group:
      return `The ACK DynamoDB controller is not installed on cluster '${cluster}' (no ${gvk.group} API)`;
    case KUBEVELA_APPLICATION_GVK.group:
      return `KubeVela is not installed on cluster '${cluster}' (no ${gvk.group} API)`;
    default:
      return `The ${gvk.group}/${gvk.version} API is not installed on cluster '${cluster}'`;
  }
}
