/**
 * @module `accessGuard(access, bodyLimit)`: the access layer's per-request steps as one middleware,
 * in the order they used to run as seven: security headers, the body size limit (requests that
 * may carry a body), who is asking, private caching of signed-in answers, CSRF on state-changing
 * requests (but the routes in `CSRF_EXEMPT`, which check their own token), "everything else needs
 * a principal", then the download audit once the response is there. One layer instead of seven:
 * with a memoised panel answer, each async layer (a closure, a promise, a dispatch) was a
 * measurable share of the request (test/bench/auth-bench.mjs). The separate middlewares
 * (`hardeningHeaders`, `authenticate`, `csrfGuard`, …) stay exported for apps that compose their own.
 */
import type { MiddlewareHandler, Next } from 'hono';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { identifier } from './authenticate.js';
import { checkCsrf, isSafeMethod } from './csrf-guard.js';
import { downloadAuditor } from './download-audit.js';
import { markPrivate, securityHeaderWriter } from './hardening-headers.js';
import { isPublicPath, refuseAnonymous } from './require-login.js';

/** Routes that check their own CSRF token (the login and setup forms: no session yet). */
export const CSRF_EXEMPT: ReadonlySet<string> = new Set(['/login', '/setup']);

export function accessGuard(access: AccessControl, bodyLimit: MiddlewareHandler): MiddlewareHandler<AuthEnv> {
  const { settings } = access;
  const writeHeaders = securityHeaderWriter(settings);
  const identify = identifier(access);
  const audit = downloadAuditor(access);
  const guarded: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const looking = identify(c);
    if (looking) await looking;
    markPrivate(c);
    if (!isSafeMethod(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) await checkCsrf(c, settings.trustProxy);
    if (!c.get('principal') && !isPublicPath(c.req.path)) return refuseAnonymous(c);
    await next();
    const recording = audit(c);
    if (recording) await recording;
  };
  return (c, next) => {
    writeHeaders(c);
    const method = c.req.method;
    // Only requests that may carry a body pay for the check: with @hono/node-server, touching
    // the body of a GET builds a full Request object, which measurably slowed every page and panel.
    if (method === 'GET' || method === 'HEAD') return guarded(c, next);
    return bodyLimit(c, async () => {
      const refused = await guarded(c, next as Next);
      if (refused) c.res = refused;
    });
  };
}
