import { HttpError } from '../http/httpError.ts';
import { readJsonBody } from '../http/readJsonBody.ts';
import type { Route, RouteResult } from '../http/router.ts';
import type { Session } from '../session.ts';
import type { SessionStore } from '../sessionStore.ts';
import {
  parseCreateBody,
  parsePageRequest,
  parseSessionId,
  parseUpdateBody,
  parseUserId,
} from './requestValidation.ts';

function notFound(id: string): HttpError {
  return new HttpError(404, 'session_not_found', `session ${id} not found`);
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

export function sessionRoutes(store: SessionStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/sessions',
      handler: async ({ request }) => {
        const { userId, data } = parseCreateBody(await readJsonBody(request));
        const session = await store.create(userId, data);
        return withSession(201, session, {
          location: `/sessions/${session.id}`,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/sessions',
      handler: async ({ url }) => ({
        status: 200,
        body: await store.listActive(parsePageRequest(url)),
      }),
    },
    {
      method: 'GET',
      pattern: '/sessions/user/:userId',
      handler: async ({ url, params }) => {
        const userId = parseUserId(params.userId, 'userId in the path');
        return {
          status: 200,
          body: await store.listByUser(userId, parsePageRequest(url)),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/sessions/:id',
      handler: async ({ params }) => {
        const id = parseSessionId(params.id);
        const session = await store.get(id);
        if (!session) throw notFound(id);
        return withSession(200, session);
      },
    },
    {
      method: 'PUT',
      pattern: '/sessions/:id',
      handler: async ({ request, params }) => {
        const id = parseSessionId(params.id);
        const ifMatch = request.headers['if-match'];
        const { data, expectedVersion } = parseUpdateBody(
          await readJsonBody(request),
          Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch,
        );
        return withSession(200, await store.update(id, data, expectedVersion));
      },
    },
    {
      method: 'DELETE',
      pattern: '/sessions/:id',
      handler: async ({ params }) => {
        const id = parseSessionId(params.id);
        if (!(await store.delete(id))) throw notFound(id);
        return { status: 200, body: { id, deleted: true } };
      },
    },
  ];
}
