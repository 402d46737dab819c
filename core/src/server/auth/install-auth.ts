/**
 * @module `installAuth(app, access)`: the whole access layer on a Hono app, in order — security
 * headers, body size limit, who is asking (session or token), CSRF on state-changing requests,
 * "everything else needs a principal", the download audit (one middleware: ./access-guard.ts),
 * then the sign-in and admin routes. Install it before the app's routes.
 * With `auth.enabled: false` only the headers and the body limit are installed and every
 * request runs as an unrestricted viewer.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { UNRESTRICTED_VIEWER } from '../../access/viewer.js';
import { accessGuard } from './access-guard.js';
import { adminRoutes } from './admin-routes.js';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { securityHeaderWriter } from './hardening-headers.js';
import { loginRoutes } from './login-routes.js';

export function installAuth<E extends AuthEnv>(app: Hono<E>, access: AccessControl): void {
  const a = app as unknown as Hono<AuthEnv>;
  const { settings } = access;
  const limit = bodyLimit({
    maxSize: settings.maxBodyBytes,
    onError: (c) =>
      c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `request body larger than ${settings.maxBodyBytes} bytes` } }, 413, {
        'Cache-Control': 'no-store',
      }),
  });
  if (!settings.enabled) {
    const writeHeaders = securityHeaderWriter(settings);
    a.use((c, next) => {
      writeHeaders(c);
      c.set('viewer', UNRESTRICTED_VIEWER);
      // Only requests that may carry a body pay for the check (see access-guard.ts).
      return c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next);
    });
    return;
  }
  a.use(accessGuard(access, limit));
  loginRoutes(a, access);
  adminRoutes(a as unknown as Hono, access);
}
