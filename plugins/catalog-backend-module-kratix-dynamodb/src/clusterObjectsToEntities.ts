import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  DYNAMODB_COMPONENT_TYPE,
  clusterObjectLocation,
  entityNameOfClusterObject,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';
import type { Tenancy } from '@kratix-dynamodb/node';
import { entityOwnerOf } from './entityOwner';

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

/** Where an object was read: its cluster, and the tenancy binding that names owners. */
export type EntityScope = { cluster: string; tenancy: Tenancy };

function locationOf(cluster: string, obj: ClusterObject): string {
  return clusterObjectLocation(
    cluster,
    obj.metadata.namespace,
    obj.metadata.name,
  );
}

/** `spec.system` from the object's system annotation, when it has one. */
function systemOf(obj: ClusterObject): { system?: string } {
  const system = obj.metadata.annotations?.[ANNOTATIONS.system];
  return system ? { system } : {};
}

/**
 * A catalog Resource for one DynamoDBRequest, named by entityNameOfClusterObject (unique per
 * cluster, namespace and name), so the entity ref the scaffolder prints is the one this
 * provider emits. The title is the request's own name.
 */
export function dynamoDBRequestToEntity(
  { cluster, tenancy }: EntityScope,
  request: ClusterObject,
): Entity {
  const namespace = request.metadata.namespace ?? 'default';
  const location = locationOf(cluster, request);
  const ref = entityNameOfClusterObject({
    kind: 'resource',
    cluster,
    namespace,
    name: request.metadata.name,
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      title: request.metadata.name,
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
      owner: entityOwnerOf(request, tenancy, cluster),
      lifecycle: 'production',
      ...systemOf(request),
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
  { cluster, tenancy }: EntityScope,
  application: ClusterObject,
): Entity {
  const namespace = application.metadata.namespace ?? 'default';
  const location = locationOf(cluster, application);
  const components: Array<{ name: string; type?: string }> =
    application.spec?.components ?? [];
  const ref = entityNameOfClusterObject({
    kind: 'component',
    cluster,
    namespace,
    name: application.metadata.name,
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      title: application.metadata.name,
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
      ...systemOf(application),
      owner: entityOwnerOf(application, tenancy, cluster),
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
