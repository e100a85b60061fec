import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  clusterObjectLocation,
  entityRefOfClusterObject,
} from '@kratix-dynamodb/common';
import { TEMPLATE_PROMISE_ANNOTATION } from './promiseToTemplateEntity';

/** The parts of a resource request the entity is made from. */
export type RequestObject = {
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
};

/**
 * A catalog Resource for one request of any Promise: its type is the Promise's name, and its
 * annotations lead the status route to the request and its Promise. Its name comes from the
 * one function that names the entities of cluster objects.
 */
export function promiseRequestToEntity(
  context: { cluster: string; promise: string; owner: string },
  request: RequestObject,
): Entity {
  const namespace = request.metadata.namespace ?? 'default';
  const ref = parseEntityRef(
    entityRefOfClusterObject({
      kind: 'resource',
      cluster: context.cluster,
      namespace,
      name: request.metadata.name,
    }),
  );
  const location = clusterObjectLocation(
    context.cluster,
    namespace,
    request.metadata.name,
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      title: request.metadata.name,
      description: `${request.kind ?? 'Request'} ${namespace}/${
        request.metadata.name
      }, requested through the Kratix Promise ${context.promise}`,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [ANNOTATIONS.cluster]: context.cluster,
        [ANNOTATIONS.request]: `${namespace}/${request.metadata.name}`,
        [TEMPLATE_PROMISE_ANNOTATION]: context.promise,
      },
      tags: ['kratix'],
    },
    spec: {
      type: context.promise,
      owner: context.owner,
      lifecycle: 'production',
    },
  };
}
