/**
 * @module The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/, no Domain. Over HTTPS it is `__Host-vitrina_session` and Secure: the
 * prefix makes browsers refuse a copy set by a sibling subdomain or over plain HTTP. No Max-Age:
 * the server decides when a session ends, and closing the browser ends it too.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'vitrina_session';
export const SECURE_SESSION_COOKIE = '__Host-vitrina_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, secret: string, secure: boolean): void {
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
}
