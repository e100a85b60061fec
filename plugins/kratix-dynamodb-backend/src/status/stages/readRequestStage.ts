import { DYNAMODB_COMPONENT_TYPE, StatusStage } from '@kratix-dynamodb/common';
import { KubernetesObject } from '@kratix-dynamodb/node';
import { ChainReads, splitRef, unreadableStage } from '../ChainReads';
import { requestStage } from './requestStage';

/**
 * The request an entity is linked to: its own annotation, else the one KubeVela renders for
 * the Application's table component, under the component's own name.
 */
export function linkedRequestRef(
  annotatedRef: string | undefined,
  app: KubernetesObject | undefined,
): string | undefined {
  if (annotatedRef !== undefined) return annotatedRef;
  const component = (app?.spec?.components ?? []).find(
    (c: any) => c.type === DYNAMODB_COMPONENT_TYPE,
  );
  return app && component
    ? `${app.metadata.namespace ?? 'default'}/${component.name}`
    : undefined;
}

/** The request stage from the request at `requestRef`, of its Promise's kind. */
export function readRequestStage(
  reads: ChainReads,
  requestRef: string,
): StatusStage {
  const { namespace, name } = splitRef(requestRef);
  const request = reads.note(reads.requests.get(namespace, name));
  return (
    unreadableStage(
      'request',
      reads.requests,
      `Apply the ${reads.promiseName} Promise`,
    ) ??
    requestStage(
      request,
      requestRef,
      reads.now,
      reads.options.graceMs,
      reads.requestKind?.kind,
    )
  );
}
