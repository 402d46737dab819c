/**
 * @module `accessGuard(access, bodyLimit)`: the access layer's per-request steps as one middleware,
 * in the order they used to run as seven: security headers, the body size limit (requests that
 * may carry a body), who is asking, private caching of signed-in answers, CSRF on state-changing
 * requests (but the routes in `CSRF_EXEMPT`, which check their own token), "everything else needs
 * a principal", then the download audit once the response is there. One layer instead of seven:
 * with a memoised panel answer, each async layer (a closure, a promise, a dispatch) was a
 * measurable share of the request (test/bench/auth-bench.mjs), so a GET whose session was reused
 * and whose answer cannot be a download passes straight to the route. The separate middlewares
 * (`hardeningHeaders`, `authenticate`, `csrfGuard`, …) stay exported for apps that compose their own.
 */
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { identifier } from './authenticate.js';
import { checkCsrf, isSafeMethod } from './csrf-guard.js';
import { downloadAuditor, mayBeDownload } from './download-audit.js';
import { markPrivate, securityHeaderWriter } from './hardening-headers.js';
import { isPublicPath, refuseAnonymous } from './require-login.js';

/** Routes that check their own CSRF token (the login and setup forms: no session yet). */
export const CSRF_EXEMPT: ReadonlySet<string> = new Set(['/login', '/setup']);

export function accessGuard(access: AccessControl, bodyLimit: MiddlewareHandler): MiddlewareHandler<AuthEnv> {
  const { settings } = access;
  const writeHeaders = securityHeaderWriter(settings);
  const identify = identifier(access);
  const audit = downloadAuditor(access);

  /**
   * GET and HEAD after sign-in: refuse the anonymous, else run the route, and audit what may be a
   * download. Like Hono's own middleware it returns `next()` as is, without an async frame.
   */
  const reading = (c: Context<AuthEnv>, next: Next): ReturnType<MiddlewareHandler<AuthEnv>> => {
    markPrivate(c);
    if (!c.get('principal') && !isPublicPath(c.req.path)) return Promise.resolve(refuseAnonymous(c));
    if (!mayBeDownload(c)) return next();
    return next().then(() => audit(c));
  };

  /** Requests that may carry a body (anything but GET and HEAD, never a download): CSRF on those that change state. */
  const writing = async (c: Context<AuthEnv>, next: Next): Promise<void> => {
    await identify(c);
    markPrivate(c);
    if (!isSafeMethod(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) await checkCsrf(c, settings.trustProxy);
    if (!c.get('principal') && !isPublicPath(c.req.path)) {
      c.res = refuseAnonymous(c);
      return;
    }
    await next();
  };

  return (c, next) => {
    writeHeaders(c);
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') {
      const looking = identify(c);
      return looking ? looking.then(() => reading(c, next)) : reading(c, next);
    }
    // Only requests that may carry a body pay for the size check: with @hono/node-server, touching
    // the body of a GET builds a full Request object, which measurably slowed every page and panel.
    return bodyLimit(c, () => writing(c, next));
  };
}
