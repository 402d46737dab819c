/**
 * @module Sign-in, sign-out and first-run setup: `GET/POST /login`, `POST /logout`,
 * `GET/POST /setup`, and the login stylesheet. The forms carry a login-CSRF token that must match
 * a SameSite=Strict cookie set with the form, so another site cannot sign a visitor in as
 * someone else. Each login starts a new session id (no fixation); wrong username and wrong
 * password look and take the same.
 */
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkLoginThrottle } from '../../access/login-throttle.js';
import { needsRehash, verifyAgainstNothing, verifyPassword } from '../../access/password-hash.js';
import { randomSecret, sameSecret } from '../../access/random-token.js';
import { USERNAME_PATTERN } from '../../access/roles.js';
import { VitrinaError } from '../../errors/index.js';
import type { Locale } from '../../i18n/messages.js';
import { chooseLocale } from '../choose-locale.js';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { isHttps } from './client-info.js';
import { sameOrigin } from './csrf-guard.js';
import { LOGIN_CSS, type LoginMessage, loginPage, setupInvalidText } from './login-page.js';
import { recordAudit } from './record-audit.js';
import { safeNext } from './require-login.js';
import { clearSessionCookie, writeSessionCookie } from './session-cookie.js';

const FORM_COOKIE = 'vitrina_login';
const NO_STORE = { 'Cache-Control': 'no-store' };

function field(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export function loginRoutes(app: Hono<AuthEnv>, access: AccessControl): void {
  const { store, settings } = access;
  const now = access.now ?? Date.now;
  const locale = (c: Context): Locale => {
    try {
      return chooseLocale(c, access.locale);
    } catch {
      return access.locale ?? 'en';
    }
  };
  const secure = (c: Context) => settings.httpsOnly || isHttps(c, settings.trustProxy);

  function page(c: Context<AuthEnv>, status: number, o: { next?: string; message?: LoginMessage; username?: string; setup?: string }) {
    // Reuse the visitor's form token: a second login page in the same browser (another tab, or
    // the favicon request bounced to /login) must not invalidate the form already shown.
    const existing = getCookie(c, FORM_COOKIE);
    const formToken = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomSecret();
    setCookie(c, FORM_COOKIE, formToken, { path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(c) });
    const html = loginPage({
      locale: locale(c),
      formToken,
      next: safeNext(o.next),
      ...(o.message ? { message: o.message } : {}),
      ...(o.username ? { username: o.username } : {}),
      ...(o.setup ? { setup: { token: o.setup } } : {}),
      ...(access.demoAccounts && !o.setup ? { demoAccounts: access.demoAccounts } : {}),
    });
    return c.html(html, status as 200, NO_STORE);
  }

  async function form(c: Context<AuthEnv>): Promise<Record<string, unknown> | undefined> {
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const cookie = getCookie(c, FORM_COOKIE);
    const token = field(body, '_csrf', 100);
    if (!sameOrigin(c, settings.trustProxy) || !cookie || !token || !sameSecret(cookie, token)) return undefined;
    return body;
  }

  async function startSession(c: Context<AuthEnv>, username: string, next: string) {
    const { secret } = await store.sessions.create(username, { ip: c.get('clientIp'), userAgent: c.req.header('user-agent') });
    writeSessionCookie(c, secret, secure(c));
    return c.redirect(safeNext(next), 303);
  }

  app.get('/auth/login.css', (c) =>
    c.body(LOGIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );

  app.get('/login', (c) => {
    if (c.get('principal')?.via === 'session') return c.redirect(safeNext(c.req.query('next')), 303);
    return page(c, 200, { next: c.req.query('next') });
  });

  app.post('/login', async (c) => {
    const body = await form(c);
    if (!body) return page(c, 403, { message: 'expired' });
    const next = field(body, 'next', 2000);
    const username = field(body, 'username', 200).trim().toLowerCase();
    const password = field(body, 'password', 2000);
    const ip = c.get('clientIp');
    const subject = USERNAME_PATTERN.test(username) ? username : username.slice(0, 64);
    const verdict = await checkLoginThrottle(store.audit, settings.throttle, { username: subject, ip }, now());
    if (!verdict.allowed) {
      await recordAudit(access, c, { event: 'login_throttled', subject, ok: false, details: { reason: verdict.reason } });
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return page(c, 429, { next, username, message: { throttledMinutes: Math.ceil((verdict.retryAfterSeconds ?? 60) / 60) } });
    }
    const user = USERNAME_PATTERN.test(username) ? await store.users.find(username) : undefined;
    const hash = user && !user.disabled ? await store.users.passwordHash(user.username) : undefined;
    const ok = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
    if (!ok || !user) {
      await recordAudit(access, c, { event: 'login_failed', actor: subject, subject, ok: false });
      return page(c, 401, { next, username, message: 'failed' });
    }
    if (hash && needsRehash(hash)) await store.users.setPassword(user.username, password).catch(() => {});
    await recordAudit(access, c, { event: 'login_ok', actor: user.username, subject: user.username });
    return startSession(c, user.username, next);
  });

  app.post('/logout', async (c) => {
    const principal = c.get('principal');
    if (principal?.sessionSecret) {
      await store.sessions.revoke(principal.sessionSecret);
      await recordAudit(access, c, { event: 'logout', subject: principal.user.username });
    }
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });

  async function setupAllowed(token: string | undefined): Promise<boolean> {
    return !!token && !!access.setupToken && sameSecret(token, access.setupToken) && (await store.users.count()) === 0;
  }

  app.get('/setup', async (c) => {
    const token = c.req.query('token');
    if (!(await setupAllowed(token))) return page(c, 403, { message: { text: setupInvalidText(locale(c)) } });
    return page(c, 200, { setup: token, username: 'admin' });
  });

  app.post('/setup', async (c) => {
    const body = await form(c);
    const token = body ? field(body, 'token', 200) : undefined;
    if (!body || !(await setupAllowed(token))) return page(c, 403, { message: { text: setupInvalidText(locale(c)) } });
    const username = field(body, 'username', 200);
    try {
      await store.users.add({ username, role: 'admin', password: field(body, 'password', 2000) });
    } catch (error) {
      if (error instanceof VitrinaError && error.isUserError)
        return page(c, 400, { setup: token, username, message: { text: error.message } });
      throw error;
    }
    access.setupToken = undefined;
    const admin = username.trim().toLowerCase();
    await recordAudit(access, c, { event: 'setup', actor: admin, subject: admin, details: { role: 'admin' } });
    return startSession(c, admin, '/');
  });
}
