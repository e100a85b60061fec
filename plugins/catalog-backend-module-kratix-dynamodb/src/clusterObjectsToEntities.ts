import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  DYNAMODB_COMPONENT_TYPE,
  clusterObjectLocation,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';

/** The parts of a Kubernetes object the entity provider reads. */
export type ClusterObject = {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, any>;
};

const DEFAULT_OWNER = 'group:default/guests';

function ownerOf(obj: ClusterObject): string {
  return obj.metadata.annotations?.[ANNOTATIONS.owner] ?? DEFAULT_OWNER;
}

function locationOf(cluster: string, obj: ClusterObject): string {
  return clusterObjectLocation(
    cluster,
    obj.metadata.namespace,
    obj.metadata.name,
  );
}

/**
 * A catalog Resource for one DynamoDBRequest. Its name is the request's name, so the entity
 * ref the scaffolder prints is the one this provider emits.
 */
export function dynamoDBRequestToEntity(
  cluster: string,
  request: ClusterObject,
): Entity {
  const namespace = request.metadata.namespace ?? 'default';
  const location = locationOf(cluster, request);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.metadata.name,
      namespace: 'default',
      description: `DynamoDB table ${
        request.spec?.name ?? request.metadata.name
      }, requested through Kratix`,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [ANNOTATIONS.cluster]: cluster,
        [ANNOTATIONS.request]: `${namespace}/${request.metadata.name}`,
      },
      tags: ['dynamodb', 'kratix'],
    },
    spec: {
      type: 'dynamodb-table',
      owner: ownerOf(request),
      lifecycle: 'production',
    },
  };
}

/** Whether a KubeVela Application asks for a table: only those become catalog Components. */
export function usesDynamoDBComponent(application: ClusterObject): boolean {
  const components: Array<{ type?: string }> =
    application.spec?.components ?? [];
  return components.some(c => c.type === DYNAMODB_COMPONENT_TYPE);
}

/** A catalog Component for one KubeVela Application, depending on its tables. */
export function applicationToEntity(
  cluster: string,
  application: ClusterObject,
): Entity {
  const namespace = application.metadata.namespace ?? 'default';
  const location = locationOf(cluster, application);
  const components: Array<{ name: string; type?: string }> =
    application.spec?.components ?? [];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: application.metadata.name,
      namespace: 'default',
      description: 'A KubeVela application with a DynamoDB table from Kratix',
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [ANNOTATIONS.cluster]: cluster,
        [ANNOTATIONS.application]: `${namespace}/${application.metadata.name}`,
      },
      tags: ['kubevela', 'dynamodb'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: ownerOf(application),
      dependsOn: components
        .filter(c => c.type === DYNAMODB_COMPONENT_TYPE)
        .map(c =>
          entityRefOfClusterObject({
            kind: 'resource',
            cluster,
            namespace,
            name: c.name,
          }),
        ),
    },
  };
}
