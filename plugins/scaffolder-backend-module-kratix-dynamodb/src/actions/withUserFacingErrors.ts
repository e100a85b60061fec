import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/** Errors whose message is written for the wizard's user, and complete without a trace. */
const USER_FACING = new Set([
  'InputError',
  'ConflictError',
  'NotAllowedError',
  'NotFoundError',
  'AuthenticationError',
  'ServiceUnavailableError',
]);

/**
 * The scaffolder writes a failed step's `error.stack` into the task log. For errors meant for
 * the user (bad input, a taken name, a refused permission) the frames are noise under a
 * message that already says what to do, so their stack is the message alone. Any other
 * error is a bug, and keeps its trace.
 */
export function withUserFacingErrors<A extends TemplateAction<any, any, any>>(
  action: A,
): A {
  const handler = action.handler;
  return {
    ...action,
    async handler(ctx) {
      try {
        return await handler(ctx);
      } catch (error) {
        if (error instanceof Error && USER_FACING.has(error.name)) {
          error.stack = `${error.name}: ${error.message}`;
        }
        throw error;
      }
    },
  };
}
