/** An error the client caused or should see as-is: status, a stable code, a readable message. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Response headers the error needs, e.g. WWW-Authenticate on a 401. */
  readonly headers?: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}
