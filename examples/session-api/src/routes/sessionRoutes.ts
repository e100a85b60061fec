import type { Authenticator, Caller } from '../auth/authenticate.ts';
import { HttpError } from '../http/httpError.ts';
import { readJsonBody } from '../http/readJsonBody.ts';
import type { Route, RouteContext, RouteResult } from '../http/router.ts';
import type { Session } from '../session.ts';
import type { SessionStore } from '../sessionStore.ts';
import {
  parseCreateBody,
  parseDeletePrecondition,
  parsePageRequest,
  parseSessionId,
  parseUpdateBody,
  parseUserId,
} from './requestValidation.ts';

function notFound(id: string): HttpError {
  return new HttpError(404, 'session_not_found', `session ${id} not found`);
}

function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}

/** The ETag is the version, so a client can echo it in If-Match. */
function withSession(
  status: number,
  session: Session,
  headers: Record<string, string> = {},
): RouteResult {
  return {
    status,
    body: session,
    headers: { etag: `"${session.version}"`, ...headers },
  };
}

const mayUse = (caller: Caller, userId: string) =>
  caller.admin || caller.userId === userId;

/**
 * The session, when the caller may see it. Someone else's session is answered like a missing
 * one, so ids cannot be probed for existence.
 */
async function ownSession(
  store: SessionStore,
  caller: Caller,
  id: string,
): Promise<Session> {
  const session = await store.get(id);
  if (!session || !mayUse(caller, session.userId)) throw notFound(id);
  return session;
}

/** Every session route authenticates first: a user reaches only their own sessions, an admin all. */
export function sessionRoutes(
  store: SessionStore,
  authenticate: Authenticator,
): Route[] {
  const authenticated =
    (
      handler: (context: RouteContext, caller: Caller) => Promise<RouteResult>,
    ) =>
    async (context: RouteContext) =>
      handler(context, await authenticate(context.request));
  return [
    {
      method: 'POST',
      pattern: '/sessions',
      handler: authenticated(async ({ request }, caller) => {
        const { userId, data } = parseCreateBody(await readJsonBody(request));
        if (!mayUse(caller, userId))
          throw forbidden('you may create sessions only for yourself');
        const session = await store.create(userId, data);
        return withSession(201, session, {
          location: `/sessions/${session.id}`,
        });
      }),
    },
    {
      method: 'GET',
      pattern: '/sessions',
      handler: authenticated(async ({ url }, caller) => {
        if (!caller.admin)
          throw forbidden(
            "listing every user's sessions needs the admin role; list yours at /sessions/user/<your id>",
          );
        return {
          status: 200,
          body: await store.listActive(parsePageRequest(url)),
        };
      }),
    },
    {
      method: 'GET',
      pattern: '/sessions/user/:userId',
      handler: authenticated(async ({ url, params }, caller) => {
        const userId = parseUserId(params.userId, 'userId in the path');
        if (!mayUse(caller, userId))
          throw forbidden('you may list only your own sessions');
        return {
          status: 200,
          body: await store.listByUser(userId, parsePageRequest(url)),
        };
      }),
    },
    {
      method: 'GET',
      pattern: '/sessions/:id',
      handler: authenticated(async ({ params }, caller) =>
        withSession(
          200,
          await ownSession(store, caller, parseSessionId(params.id)),
        ),
      ),
    },
    {
      method: 'PUT',
      pattern: '/sessions/:id',
      handler: authenticated(async ({ request, params }, caller) => {
        const id = parseSessionId(params.id);
        const ifMatch = request.headers['if-match'];
        const { data, expectedVersion } = parseUpdateBody(
          await readJsonBody(request),
          Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch,
        );
        // The owner never changes, so checking it before the conditional write is enough.
        await ownSession(store, caller, id);
        return withSession(200, await store.update(id, data, expectedVersion));
      }),
    },
    {
      method: 'DELETE',
      pattern: '/sessions/:id',
      handler: authenticated(async ({ request, params }, caller) => {
        const id = parseSessionId(params.id);
        const ifMatch = request.headers['if-match'];
        const expectedVersion = parseDeletePrecondition(
          Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch,
        );
        await ownSession(store, caller, id);
        if (!(await store.delete(id, expectedVersion))) throw notFound(id);
        return { status: 200, body: { id, deleted: true } };
      }),
    },
  ];
}
