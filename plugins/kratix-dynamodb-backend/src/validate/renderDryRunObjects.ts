import {
  buildDynamoDBRequest,
  DYNAMODB_COMPONENT_TYPE,
  DYNAMODB_REQUEST_GVK,
  type DryRunRequest,
  type DynamoDBRequestSpec,
  type GroupVersionKind,
  KUBEVELA_APPLICATION_GVK,
} from '@kratix-dynamodb/common';
import type { KubernetesObject } from '@kratix-dynamodb/node';

/** One object the cluster is asked about, and how a person reads its name. */
export type DryRunObject = {
  gvk: GroupVersionKind;
  object: KubernetesObject;
  description: string;
};

/**
 * What the wizard will make the cluster hold, for admission to judge. For the app template
 * that is the Application and the DynamoDBRequest its table component becomes (KubeVela
 * names the request after the component), so the request's own CRD schema has its say too.
 * The services of an Application are the action's to check (image allow-list, probes); the
 * cluster only stores them, so they are not sent here.
 */
export function renderDryRunObjects(
  request: DryRunRequest,
  spec: DynamoDBRequestSpec,
): DryRunObject[] {
  const { namespace, name, application } = request;
  const objects: DryRunObject[] = [];
  if (application) {
    objects.push({
      gvk: KUBEVELA_APPLICATION_GVK,
      description: `Application ${namespace}/${application.name}`,
      object: {
        apiVersion: `${KUBEVELA_APPLICATION_GVK.group}/${KUBEVELA_APPLICATION_GVK.version}`,
        kind: KUBEVELA_APPLICATION_GVK.kind,
        metadata: { name: application.name, namespace },
        spec: {
          components: [
            { name, type: DYNAMODB_COMPONENT_TYPE, properties: spec },
          ],
        },
      },
    });
  }
  objects.push({
    gvk: DYNAMODB_REQUEST_GVK,
    description: `DynamoDBRequest ${namespace}/${name}`,
    object: buildDynamoDBRequest({ name, namespace }, spec),
  });
  return objects;
}
