import { InputError } from '@backstage/errors';
import type express from 'express';

/**
 * express.json's own errors say what the parser met (`Unexpected token`), not what is wrong:
 * the body. Its 4xx status (400, or 413 for a body over the limit) is kept.
 */
export function rejectUnparsableBody(
  error: unknown,
  _req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') {
    next(
      new InputError(
        'The body must be a JSON object (it is not valid JSON, or not an object)',
      ),
    );
    return;
  }
  next(error);
}
