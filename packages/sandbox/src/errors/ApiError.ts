/**
 * Errors shaped like the Kubernetes API server's `Status` bodies, so clients (kubectl,
 * @kubernetes/client-node, the plugins) see the same reason codes they would on a real cluster.
 */

export type StatusCause = { reason: string; message: string; field?: string };

export type StatusDetails = {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
};

/** What an error needs to know about the resource it is about. */
export type ResourceNaming = { group: string; plural: string; kind: string };

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `dynamodbrequests.dynamodb.kratix.io`, or just `namespaces` for the core group. */
export function qualifiedResource(r: ResourceNaming): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `DynamoDBRequest.dynamodb.kratix.io`, as used in validation messages. */
export function qualifiedKind(r: ResourceNaming): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

export function notFound(r: ResourceNaming, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualifiedResource(r)} "${name}" not found`,
    {
      name,
      group: r.group,
      kind: r.plural,
    },
  );
}

export function alreadyExists(r: ResourceNaming, name: string): ApiError {
  return new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(r)} "${name}" already exists`,
    {
      name,
      group: r.group,
      kind: r.plural,
    },
  );
}

export function conflict(r: ResourceNaming, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(
      r,
    )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: r.group, kind: r.plural },
  );
}

export function invalid(
  r: ResourceNaming,
  name: string,
  causes: StatusCause[],
): ApiError {
  const listed = causes.map(c =>
    c.field ? `${c.field}: ${c.message}` : c.message,
  );
  const summary = listed.length === 1 ? listed[0] : `[${listed.join(', ')}]`;
  return new ApiError(
    422,
    'Invalid',
    `${qualifiedKind(r)} "${name}" is invalid: ${summary}`,
    {
      name,
      group: r.group,
      kind: r.kind,
      causes,
    },
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function methodNotAllowed(): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function pageNotFound(): ApiError {
  return new ApiError(
    404,
    'NotFound',
    'the server could not find the requested resource',
  );
}

export function gone(requested: string, oldest: string): ApiError {
  return new ApiError(
    410,
    'Expired',
    `too old resource version: ${requested} (${oldest})`,
  );
}
