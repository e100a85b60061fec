import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The `Status` body a Kubernetes API server sends with an error. */
export type KubernetesStatus = {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  /** On a 410 for a list's `continue`: a token that goes on from the server's current state. */
  metadata?: { continue?: string };
  details?: {
    name?: string;
    kind?: string;
    group?: string;
    causes?: Array<{ field?: string; message?: string; reason?: string }>;
  };
};

/**
 * One field the API server refused, as its Status `details.causes` names it.
 * @public
 */
export type KubernetesCause = { field?: string; message: string };

/**
 * The API server's 422 (Invalid): an InputError, as before, that also keeps the refused
 * fields, so a caller can show each one at its field rather than parse the message.
 * @public
 */
export class ClusterRefusedError extends InputError {
  readonly causes: KubernetesCause[];

  constructor(message: string, causes: KubernetesCause[]) {
    super(message);
    this.causes = causes;
  }
}

/** What was being done when the API server answered with an error. */
export type RequestContext = {
  cluster: string;
  /** e.g. `create dynamodbrequests.dynamodb.kratix.io team-a/orders` */
  action: string;
  /** e.g. `dynamodbrequests.dynamodb.kratix.io "orders" in namespace team-a` */
  object?: string;
  /** The credentials were the signed-in user's own token, not the backend's. */
  actsAsUser?: boolean;
};

/**
 * 410 Gone: a list's continue token (or a watch's resourceVersion) is older than the server
 * keeps. `continueToken`, when the server sent one, goes on from its current state, at the price
 * of a list that is no longer one consistent snapshot.
 * @public
 */
export class ListExpiredError extends InputError {
  constructor(message: string, readonly continueToken?: string) {
    super(message);
  }
}

/** A Kubernetes error turned into a Backstage error whose message a developer can act on. */
export function toBackstageError(
  httpStatus: number,
  status: KubernetesStatus | undefined,
  context: RequestContext,
): Error {
  const serverMessage = status?.message ?? `HTTP ${httpStatus}`;
  const where = `on cluster '${context.cluster}'`;
  switch (httpStatus) {
    case 401:
      if (context.actsAsUser)
        return new AuthenticationError(
          `Cluster '${context.cluster}' did not accept your sign-in token (${context.action}); it may have expired. Sign in again and reload.`,
        );
      return new AuthenticationError(
        `Cluster '${context.cluster}' did not accept the configured credentials (${context.action}). ` +
          'Check the service-account token or kubeconfig in kratixDynamodb.clusters.',
      );
    case 403:
      // The server's message names the identity and the verb/resource it lacks.
      return new NotAllowedError(
        `Not permitted to ${context.action} ${where}: ${serverMessage}`,
      );
    case 404:
      return new NotFoundError(
        `${context.object ?? 'The object'} was not found ${where}`,
      );
    case 410:
      return new ListExpiredError(
        `The list of ${context.action} ${where} expired: ${serverMessage}`,
        status?.metadata?.continue,
      );
    case 409:
      return new ConflictError(
        `${
          context.object ?? 'The object'
        } already exists or was changed meanwhile ${where}: ${serverMessage}`,
      );
    case 422: {
      const causes = status?.details?.causes ?? [];
      const listed = causes
        .map(c => `${c.field ?? '(object)'}: ${c.message ?? c.reason}`)
        .join('; ');
      return new ClusterRefusedError(
        `Cluster '${context.cluster}' refused ${
          context.object ?? 'the object'
        }: ${listed || serverMessage}`,
        causes.map(c => ({
          field: c.field,
          message: c.message ?? c.reason ?? serverMessage,
        })),
      );
    }
    default:
      if (httpStatus >= 500) {
        return new ServiceUnavailableError(
          `The API server of cluster '${context.cluster}' failed to ${context.action} (HTTP ${httpStatus}): ${serverMessage}`,
        );
      }
      return new InputError(
        `Cluster '${context.cluster}' answered HTTP ${httpStatus} to ${context.action}: ${serverMessage}`,
      );
  }
}

/** Whether a failure is worth another try: server errors, throttling and timeouts. */
export function isRetryable(httpStatus: number | undefined): boolean {
  return httpStatus === undefined || httpStatus === 429 || httpStatus >= 500;
}
