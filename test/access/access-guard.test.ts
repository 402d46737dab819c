/**
 * The access layer as one middleware (core/src/server/auth/access-guard.ts) keeps what the seven
 * it replaced did, with both state stores: security headers on every kind of answer (signed in,
 * refused, redirected, CSRF-refused, oversized, public), private caching of signed-in answers
 * only, downloads audited, and a session reused from a recent lookup dropped at once by this
 * process's revocations — also when the revocation lands while a lookup is still in flight.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessSettings } from '../../core/src/access/access-config.js';
import type { AccessControl, AuthEnv } from '../../core/src/server/auth/auth-types.js';
import { installAuth } from '../../core/src/server/auth/install-auth.js';
import { STATE_DIALECTS, type TestStore, testStore } from './state-stores.js';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy'];

describe.each(STATE_DIALECTS)('the access guard with the %s store', (dialect) => {
  let t: TestStore;
  let app: Hono<AuthEnv>;
  let secret: string;
  const cookie = (s = secret) => ({ cookie: `vitrina_session=${s}` });

  beforeAll(async () => {
    t = await testStore(dialect);
    await t.store.users.add({ username: 'anna', role: 'manager', password: 'anna-password', attributes: { manager_id: 7 } });
    const access: AccessControl = { store: t.store, settings: accessSettings({}), log: () => {} };
    app = new Hono<AuthEnv>();
    installAuth(app, access);
    app.get('/healthz', (c) => c.json({ ok: true }));
    app.get('/api/me', (c) => c.json({ user: c.get('principal')?.user.username ?? null, csrf: c.get('principal')?.csrfToken }));
    app.get('/export/sales.csv', (c) => c.body('a;b\n1;2\n', 200, { 'Content-Type': 'text/csv; charset=utf-8' }));
    app.post('/api/change', (c) => c.json({ changed: true }));
    app.onError((error, c) => c.json({ error: error.message }, (error as { code?: string }).code === 'FORBIDDEN' ? 403 : 500));
    ({ secret } = await t.store.sessions.create('anna'));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('sets the security headers on every kind of answer', async () => {
    const answers = {
      signedIn: await app.request('/api/me', { headers: cookie() }),
      anonymousApi: await app.request('/api/me'),
      anonymousPage: await app.request('/d/sales', { headers: { accept: 'text/html' } }),
      csrfRefused: await app.request('/api/change', { method: 'POST', headers: cookie() }),
      oversized: await app.request('/api/change', {
        method: 'POST',
        body: 'a'.repeat(accessSettings({}).maxBodyBytes + 1),
        headers: { ...cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
      loginPage: await app.request('/login'),
      publicRoute: await app.request('/healthz'),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      signedIn: 200,
      anonymousApi: 401,
      anonymousPage: 302,
      csrfRefused: 403,
      oversized: 413,
      loginPage: 200,
      publicRoute: 200,
    });
    for (const [kind, r] of Object.entries(answers))
      for (const name of SECURITY_HEADERS) expect(r.headers.get(name), `${kind}: ${name}`).toBeTruthy();
  });

  it('keeps signed-in answers out of shared caches, and only those', async () => {
    const signedIn = await app.request('/api/me', { headers: cookie() });
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
    expect(signedIn.headers.get('vary')).toBe('Cookie, Authorization');
    const anonymous = await app.request('/healthz');
    expect(anonymous.headers.get('vary')).toBeNull();
  });

  it('accepts a state-changing request with the session’s CSRF token, the same on every request', async () => {
    const first = (await (await app.request('/api/me', { headers: cookie() })).json()) as { csrf: string };
    const again = (await (await app.request('/api/me', { headers: cookie() })).json()) as { csrf: string };
    expect(again.csrf).toBe(first.csrf);
    const r = await app.request('/api/change', { method: 'POST', headers: { ...cookie(), 'x-csrf-token': first.csrf } });
    expect(r.status).toBe(200);
  });

  it('audits downloads, not JSON answers', async () => {
    const before = (await t.store.audit.list({ event: 'export' })).length;
    await app.request('/api/me', { headers: cookie() });
    expect((await app.request('/export/sales.csv', { headers: cookie() })).status).toBe(200);
    const after = await t.store.audit.list({ event: 'export' });
    expect(after.length).toBe(before + 1);
    expect(after[0]?.actor).toBe('anna');
  });

  it('drops a reused session at once when it is revoked in this process', async () => {
    const { secret: other } = await t.store.sessions.create('anna');
    expect((await app.request('/api/me', { headers: cookie(other) })).status).toBe(200);
    expect(t.store.sessions.cached(other)).toBeDefined();
    await t.store.sessions.revoke(other);
    expect(t.store.sessions.cached(other)).toBeUndefined();
    expect((await app.request('/api/me', { headers: cookie(other) })).status).toBe(401);
  });

  it('keeps nothing from a lookup that was in flight when the session was revoked', async () => {
    const { secret: other } = await t.store.sessions.create('anna');
    const inFlight = t.store.sessions.lookup(other);
    const revoked = t.store.sessions.revokeUser('anna');
    await Promise.all([inFlight, revoked]);
    expect(t.store.sessions.cached(other)).toBeUndefined();
    expect(await t.store.sessions.lookup(other)).toBeUndefined();
    ({ secret } = await t.store.sessions.create('anna'));
  });
});
