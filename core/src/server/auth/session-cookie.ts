/**
 * @module The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/, no Domain. Over HTTPS it is `__Host-vitrina_session` and Secure: the
 * prefix makes browsers refuse a copy set by a sibling subdomain or over plain HTTP. No Max-Age:
 * the server decides when a session ends, and closing the browser ends it too.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'vitrina_session';
export const SECURE_SESSION_COOKIE = '__Host-vitrina_session';

/**
 * The value of cookie `name` in a Cookie header, or undefined. Every request reads the session
 * cookie: finding one name is cheaper than Hono parsing (and validating) the whole header.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let at = header.indexOf(`${name}=`);
  while (at !== -1) {
    const before = at === 0 ? ';' : header[at - 1];
    if (before === ';' || before === ' ') {
      const start = at + name.length + 1;
      const end = header.indexOf(';', start);
      const value = header.slice(start, end === -1 ? undefined : end).trim();
      return value.startsWith('"') && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value;
    }
    at = header.indexOf(`${name}=`, at + 1);
  }
  return undefined;
}

export function readSessionCookie(c: Context): string | undefined {
  const header = c.req.header('cookie');
  return cookieValue(header, SECURE_SESSION_COOKIE) ?? cookieValue(header, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, secret: string, secure: boolean): void {
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
}
