/**
 * The access layer on a small app over real HTTP, with the SQLite and the PostgreSQL store:
 * login, sessions (expired, forged, replayed after logout), tokens, CSRF, throttling, headers,
 * body limit, first-run setup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthApp, startAuthApp } from './auth-app.js';
import { HttpClient } from './http-client.js';
import { STATE_DIALECTS, type TestStore, testStore } from './state-stores.js';

describe.each(STATE_DIALECTS)('auth middleware with the %s store', (dialect) => {
  let t: TestStore;
  let app: AuthApp;
  let clock = Date.now();
  beforeAll(async () => {
    t = await testStore(dialect, { now: () => clock, sessionLimits: { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 } });
    await t.store.users.add({ username: 'anna', role: 'manager', password: 'anna-password', attributes: { manager_id: 7 } });
    await t.store.users.add({ username: 'ceo', role: 'executive', password: 'ceo-password-1' });
    app = await startAuthApp(
      t.store,
      {
        auth: { throttle: { perAccount: 3, perAddress: 8, windowMinutes: 15 } },
        server: { frameAncestors: ["'self'", 'https://intranet.example.com'] },
      },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('public paths are open; pages redirect to login; the API answers 401', async () => {
    const c = new HttpClient(app.url);
    expect((await c.get('/healthz')).status).toBe(200);
    expect((await c.get('/assets/x.js')).status).toBe(200);
    const page = await c.get('/d/sales?period=2026-10');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Fd%2Fsales%3Fperiod%3D2026-10');
    const api = await c.get('/api/me');
    expect(api.status).toBe(401);
    expect(api.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('logs in with a fresh HttpOnly SameSite=Lax session cookie and a scoped viewer', async () => {
    const c = new HttpClient(app.url);
    c.cookies.set('vitrina_session', 'attacker-chosen-session-value-1234567890');
    const r = await c.login('Anna', 'anna-password', '/d/x?a=1');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/d/x?a=1');
    const cookie = r.headers.getSetCookie().find((l) => l.startsWith('vitrina_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(c.cookies.get('vitrina_session')).not.toBe('attacker-chosen-session-value-1234567890');
    const me = JSON.parse((await c.get('/api/me')).text);
    expect(me).toMatchObject({ user: 'anna', via: 'session', viewer: { attributes: { manager_id: 7 }, unrestricted: false } });
  });

  it('never redirects off-site after login', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const r = await new HttpClient(app.url).login('ceo', 'ceo-password-1', next);
      expect(r.headers.get('location')).toBe('/');
    }
  });

  it('wrong password and unknown user look the same', async () => {
    const a = await new HttpClient(app.url).login('ceo', 'wrong-password');
    const b = await new HttpClient(app.url).login('nobody', 'wrong-password');
    expect([a.status, b.status]).toEqual([401, 401]);
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '');
    expect(strip(a.text)).toBe(strip(b.text));
    await new HttpClient(app.url).login('ceo', 'ceo-password-1'); // resets ceo's count
  });

  it('forged, expired and replayed session cookies are refused', async () => {
    const forged = new HttpClient(app.url);
    forged.cookies.set('vitrina_session', 'x'.repeat(43));
    expect((await forged.get('/api/me')).status).toBe(401);

    const c = new HttpClient(app.url);
    await c.login('anna', 'anna-password');
    const stolen = c.cookieHeader();
    const me = JSON.parse((await c.get('/api/me')).text);
    const out = await c.request('/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrf } });
    expect(out.status).toBe(303);
    expect((await c.get('/api/me')).status).toBe(401);
    const replay = await new HttpClient(app.url).get('/api/me', { cookie: stolen });
    expect(replay.status).toBe(401);

    const idle = new HttpClient(app.url);
    await idle.login('anna', 'anna-password');
    clock += 31 * 60_000;
    expect((await idle.get('/api/me')).status).toBe(401);
  });

  it('disabling a user ends their session at once', async () => {
    const c = new HttpClient(app.url);
    await c.login('anna', 'anna-password');
    expect((await c.get('/api/me')).status).toBe(200);
    await t.store.users.setDisabled('anna', true);
    expect((await c.get('/api/me')).status).toBe(401);
    await t.store.users.setDisabled('anna', false);
  });

  it('CSRF: state-changing requests need the token and a same-site origin', async () => {
    const c = new HttpClient(app.url);
    await c.login('anna', 'anna-password');
    const { csrf } = JSON.parse((await c.get('/api/me')).text);
    expect((await c.request('/api/change', { method: 'POST' })).status).toBe(403);
    expect((await c.request('/api/change', { method: 'POST', headers: { 'x-csrf-token': 'nope' } })).status).toBe(403);
    expect(
      (await c.request('/api/change', { method: 'POST', headers: { 'x-csrf-token': csrf, origin: 'https://evil.example' } })).status,
    ).toBe(403);
    expect(
      (await c.request('/api/change', { method: 'POST', headers: { 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
    expect((await c.request('/api/change', { method: 'POST', headers: { 'x-csrf-token': csrf } })).status).toBe(200);
    expect((await c.request('/api/change', { method: 'POST', form: { _csrf: csrf } })).status).toBe(200);
    // The login form itself: without the form cookie the POST is refused.
    const bare = new HttpClient(app.url);
    const r = await bare.request('/login', { method: 'POST', form: { username: 'anna', password: 'anna-password', _csrf: 'x' } });
    expect(r.status).toBe(403);
    expect(bare.cookies.has('vitrina_session')).toBe(false);
  });

  it('API tokens: bearer works, forged and revoked do not, and a cookie is ignored beside a token', async () => {
    const { token, info } = await t.store.tokens.create('anna', { name: 'script', dashboards: ['sales'] });
    const c = new HttpClient(app.url);
    const me = JSON.parse((await c.get('/api/me', { authorization: `Bearer ${token}` })).text);
    expect(me).toMatchObject({ user: 'anna', via: 'token' });
    // Bearer requests carry no ambient credentials: no CSRF token needed.
    expect((await c.request('/api/change', { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await c.get('/api/me', { authorization: `Bearer ${token.slice(0, -2)}xx` })).status).toBe(401);
    const ceo = new HttpClient(app.url);
    await ceo.login('ceo', 'ceo-password-1');
    expect((await ceo.get('/api/me', { authorization: 'Bearer vt_000000000000_forged' })).status).toBe(401);
    await t.store.tokens.revoke(info.id);
    expect((await c.get('/api/me', { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('brute force hits the per-account throttle (429, no password check), then per address', async () => {
    clock += 1000; // the frozen test clock would put these failures in the same ms as the last login
    const c = new HttpClient(app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.login('ceo', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const right = await c.login('ceo', 'ceo-password-1');
    expect(right.status).toBe(429); // even the right password waits out the window
    expect(right.headers.get('retry-after')).toBe('900');
    const many: number[] = [];
    for (let i = 0; i < 8; i++) many.push((await c.login(`user${i}`, 'guess')).status);
    expect(many.at(-1)).toBe(429);
    const events = await t.store.audit.list({ event: 'login_throttled' });
    expect(events.length).toBeGreaterThanOrEqual(3);
    clock += 16 * 60_000;
    expect((await c.login('ceo', 'ceo-password-1')).status).toBe(303);
  });

  it('security headers: CSP self-only with configured frame-ancestors, nosniff, referrer policy; no-store on private pages', async () => {
    const r = await new HttpClient(app.url).get('/login');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://intranet.example.com");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    expect(r.headers.get('x-frame-options')).toBeNull();
    expect(r.text).not.toMatch(/<script|style=/);
  });

  it('refuses oversized bodies with 413', async () => {
    const c = new HttpClient(app.url);
    const r = await c.request('/login', {
      method: 'POST',
      body: 'a'.repeat(70_000),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(413);
  });

  it('the login page escapes what it echoes and speaks Russian', async () => {
    const c = new HttpClient(app.url);
    const r = await c.login('<script>alert(1)</script>', 'x');
    expect(r.text).not.toContain('<script>alert(1)');
    expect(r.text).toContain('&lt;script&gt;');
    const ru = await c.get('/login?lang=ru');
    expect(ru.text).toContain('Вход');
  });
});

describe('first-run setup', () => {
  let t: TestStore;
  let app: AuthApp;
  beforeAll(async () => {
    t = await testStore('sqlite');
    app = await startAuthApp(t.store, {}, { setupToken: 'setup-token-abcdefghijklmnopqrstuvwxyz' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('creates the first admin once with the printed token', async () => {
    const c = new HttpClient(app.url);
    expect((await c.get('/setup?token=wrong')).status).toBe(403);
    const form = await c.get('/setup?token=setup-token-abcdefghijklmnopqrstuvwxyz');
    expect(form.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const r = await c.request('/setup', {
      method: 'POST',
      form: { _csrf: csrf, token: 'setup-token-abcdefghijklmnopqrstuvwxyz', username: 'root', password: 'a-strong-password', next: '/' },
    });
    expect(r.status).toBe(303);
    expect(JSON.parse((await c.get('/api/me')).text)).toMatchObject({ user: 'root', viewer: { unrestricted: true } });
    expect((await new HttpClient(app.url).get('/setup?token=setup-token-abcdefghijklmnopqrstuvwxyz')).status).toBe(403);
    expect((await t.store.audit.list({ event: 'setup' })).length).toBe(1);
  });
});

describe('auth.enabled: false', () => {
  let t: TestStore;
  let app: AuthApp;
  beforeAll(async () => {
    t = await testStore('sqlite');
    app = await startAuthApp(t.store, { auth: { enabled: false } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('serves everything unrestricted, still with the security headers and the body limit', async () => {
    const c = new HttpClient(app.url);
    const r = await c.get('/api/me');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ user: null, viewer: { unrestricted: true } });
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await c.get('/login')).status).toBe(404);
    const big = await c.request('/api/change', { method: 'POST', body: 'a'.repeat(70_000) });
    expect(big.status).toBe(413);
  });
});

describe('behind an HTTPS proxy (publicUrl https, trustProxy)', () => {
  let t: TestStore;
  let app: AuthApp;
  beforeAll(async () => {
    t = await testStore('sqlite');
    await t.store.users.add({ username: 'anna', role: 'manager', password: 'anna-password' });
    app = await startAuthApp(t.store, {
      server: { publicUrl: 'https://bi.example.com', trustProxy: true },
      auth: { throttle: { perAccount: 100, perAddress: 2 } },
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('sets a Secure __Host- session cookie and HSTS', async () => {
    const c = new HttpClient(app.url);
    const r = await c.login('anna', 'anna-password');
    expect(r.status).toBe(303);
    const cookie = r.headers.getSetCookie().find((l) => l.startsWith('__Host-vitrina_session='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect((await c.get('/api/me')).status).toBe(200);
    expect(r.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('throttles per forwarded client address, not per proxy', async () => {
    const from = (ip: string) => {
      const c = new HttpClient(app.url);
      const get = c.get.bind(c);
      c.get = (path, headers = {}) => get(path, { ...headers, 'x-forwarded-for': ip });
      const request = c.request.bind(c);
      c.request = (path, init = {}) =>
        request(path, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': ip } });
      return c;
    };
    const a = from('203.0.113.7');
    expect((await a.login('x1', 'wrong-password')).status).toBe(401);
    expect((await a.login('x2', 'wrong-password')).status).toBe(401);
    expect((await a.login('x3', 'wrong-password')).status).toBe(429);
    expect((await from('198.51.100.9').login('anna', 'anna-password')).status).toBe(303);
    const failed = await t.store.audit.list({ event: 'login_failed' });
    expect(failed.every((e) => e.ip === '203.0.113.7')).toBe(true);
  });
});
