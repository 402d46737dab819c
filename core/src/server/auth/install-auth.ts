/**
 * @module `installAuth(app, access)`: the whole access layer on a Hono app, in order — security
 * headers, body size limit, who is asking (session or token), CSRF on state-changing requests,
 * sign-in routes, then "everything else needs a principal". Install it before the app's routes.
 * With `auth.enabled: false` only the headers and the body limit are installed and every
 * request runs as an unrestricted viewer.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { UNRESTRICTED_VIEWER } from '../../access/viewer.js';
import { adminRoutes } from './admin-routes.js';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { authenticate } from './authenticate.js';
import { csrfGuard } from './csrf-guard.js';
import { downloadAudit } from './download-audit.js';
import { hardeningHeaders, privateResponses } from './hardening-headers.js';
import { loginRoutes } from './login-routes.js';
import { requireLogin } from './require-login.js';

export function installAuth<E extends AuthEnv>(app: Hono<E>, access: AccessControl): void {
  const a = app as unknown as Hono<AuthEnv>;
  const { settings } = access;
  a.use(hardeningHeaders(settings));
  const limit = bodyLimit({
    maxSize: settings.maxBodyBytes,
    onError: (c) =>
      c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `request body larger than ${settings.maxBodyBytes} bytes` } }, 413, {
        'Cache-Control': 'no-store',
      }),
  });
  // Only requests that may carry a body pay for the check: with @hono/node-server, touching
  // the body of a GET builds a full Request object, which measurably slowed every page and panel.
  a.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  if (!settings.enabled) {
    a.use(async (c, next) => {
      c.set('viewer', UNRESTRICTED_VIEWER);
      return next();
    });
    return;
  }
  a.use(authenticate(access));
  a.use(privateResponses());
  a.use(csrfGuard({ exempt: ['/login', '/setup'], trustProxy: settings.trustProxy }));
  loginRoutes(a, access);
  a.use(requireLogin());
  a.use(downloadAudit(access));
  adminRoutes(a as unknown as Hono, access);
}
