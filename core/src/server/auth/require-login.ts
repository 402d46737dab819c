/**
 * @module `requireLogin`: everything but the public paths needs a principal. Pages redirect to
 * the login form (remembering where the visitor was going); the API answers 401 with
 * `WWW-Authenticate: Bearer`, so scripts learn to send a token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AuthEnv } from './auth-types.js';

/** Paths open to anyone: health, sign-in and first-run setup, and static assets. */
export function isPublicPath(path: string): boolean {
  return (
    path === '/healthz' ||
    path === '/login' ||
    path === '/logout' ||
    path === '/setup' ||
    path.startsWith('/assets/') ||
    path === '/auth/login.css'
  );
}

/** Where to go after login: only a path on this site (never `//evil.example` or `/\evil`). */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\r\n]/.test(next)) return '/';
  return next.slice(0, 2000);
}

/** What an anonymous request for a non-public path gets: the login form for pages, 401 otherwise. */
export function refuseAnonymous(c: Context): Response {
  const headers = { 'Cache-Control': 'no-store' };
  // Page navigations (and clients that take anything, like curl) go to the login form; requests
  // for a specific other type — the browser's favicon fetch (image/…), scripts — get a plain 401.
  const accept = (c.req.header('accept') ?? '*/*').trim();
  const wantsPage = c.req.method === 'GET' && (accept.includes('text/html') || accept.startsWith('*/*'));
  if (c.req.path.startsWith('/api/') || c.req.header('authorization') || !wantsPage)
    return c.json({ error: { code: 'UNAUTHENTICATED', message: 'sign in or send an API token (Authorization: Bearer vt_…)' } }, 401, {
      ...headers,
      'WWW-Authenticate': 'Bearer realm="vitrina"',
    });
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(safeNext(`${url.pathname}${url.search}`))}`, 302);
}

export function requireLogin(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('principal') || isPublicPath(c.req.path)) return next();
    return refuseAnonymous(c);
  };
}
