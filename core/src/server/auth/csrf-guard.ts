/**
 * @module CSRF protection for every state-changing request (anything but GET/HEAD/OPTIONS).
 * Two checks: the browser's Origin (or Sec-Fetch-Site) must be this site, and a session request
 * must echo its CSRF token in `X-CSRF-Token` or the `_csrf` form field. The token is derived from
 * the session secret (which scripts cannot read: the cookie is HttpOnly), so it needs no storage
 * and dies with the session. Bearer-token requests carry no ambient credentials and skip the
 * token check. Routes listed in `exempt` (the login form) check their own token.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { sameSecret } from '../../access/random-token.js';
import { VitrinaError } from '../../errors/index.js';
import type { AuthEnv } from './auth-types.js';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`vitrina-csrf:${sessionSecret}`).digest('base64url');
}

/** False when the browser says the request comes from another site. */
export function sameOrigin(c: Context, trustProxy = false): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  if (origin === 'null') return false;
  const host = (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const value = body[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** True for methods that change nothing (no CSRF check). */
export function isSafeMethod(method: string): boolean {
  return SAFE.has(method);
}

/**
 * The body of `csrfGuard` for a state-changing request, as a plain step: resolves when the request
 * may proceed, throws the 403 otherwise.
 */
export async function checkCsrf(c: Context<AuthEnv>, trustProxy = false): Promise<void> {
  const refuse = (why: string) => new VitrinaError('FORBIDDEN', `request refused: ${why}`, { hint: 'reload the page and try again' });
  if (!sameOrigin(c, trustProxy)) throw refuse('it comes from another site');
  const principal = c.get('principal');
  if (principal?.via === 'session') {
    const token = await submittedToken(c);
    if (!token || !principal.csrfToken || !sameSecret(token, principal.csrfToken)) throw refuse('missing or wrong CSRF token');
  }
}

export function csrfGuard(options: { exempt?: readonly string[]; trustProxy?: boolean } = {}): MiddlewareHandler<AuthEnv> {
  const exempt = new Set(options.exempt ?? []);
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && !exempt.has(c.req.path)) await checkCsrf(c, options.trustProxy);
    return next();
  };
}
