import { signHs256 } from '../auth/jwt.ts';

/** The HS256 secret every test service trusts (a Kubernetes Secret provides it in a cluster). */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long';

/** 2100-01-01: tokens outlive the tests' fake clock however far it moves. */
const FAR_FUTURE = 4_102_444_800;

/** A bearer token for `userId`; `admin` adds the role that lists every user's sessions. */
export function tokenFor(
  userId: string,
  options: {
    admin?: boolean;
    claims?: Record<string, unknown>;
    secret?: string;
  } = {},
): string {
  return signHs256(
    {
      sub: userId,
      exp: FAR_FUTURE,
      ...(options.admin ? { roles: ['session-admin'] } : {}),
      ...options.claims,
    },
    options.secret ?? TEST_JWT_SECRET,
  );
}

/** What the suites send unless a test says otherwise: an admin, who may do everything. */
export const ADMIN_TOKEN = tokenFor('test-admin', { admin: true });
