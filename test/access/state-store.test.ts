/** State store in SQLite and PostgreSQL: migrations, users, sessions, tokens, audit log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../core/src/access/password-hash.js';
import { viewerOf } from '../../core/src/access/roles.js';
import { migrateState } from '../../core/src/state/state-migrations.js';
import { STATE_DIALECTS, type TestStore, testStore } from './state-stores.js';

describe.each(STATE_DIALECTS)('state store on %s', (dialect) => {
  let t: TestStore;
  let clock = Date.UTC(2026, 10, 1, 9);
  const now = () => clock;
  beforeAll(async () => {
    t = await testStore(dialect, { now, sessionLimits: { idleMs: 30 * 60_000, absoluteMs: 8 * 3600_000 } });
  });
  afterAll(() => t?.cleanup());

  it('migrates once: a second open (concurrent on PostgreSQL) applies nothing', async () => {
    // better-sqlite3 is synchronous: two stores in one process would wait on each other's lock
    // with the event loop blocked, so SQLite opens them one after the other here.
    const [a, b] = dialect === 'postgres' ? await Promise.all([t.reopen(), t.reopen()]) : [await t.reopen(), await t.reopen()];
    expect(await migrateState(a.db, a.dialect)).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('a failing migration leaves the store unchanged', async () => {
    const broken = [
      { name: '9998-ok', up: async (db: any) => db.schema.createTable('x_ok').addColumn('a', 'text').execute() },
      { name: '9999-bad', up: async (db: any) => db.schema.createTable('vitrina_users').addColumn('a', 'text').execute() },
    ];
    await expect(migrateState(t.store.db, t.store.dialect, broken)).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
    const tables = (await t.store.db.introspection.getTables()).map((x) => x.name);
    expect(tables).not.toContain('x_ok');
  });

  it('adds, lists, updates and removes users; passwords are scrypt hashes', async () => {
    await t.store.users.add({ username: 'Anna.Petrova', role: 'manager', password: 'correct horse', attributes: { manager_id: 7 } });
    const anna = await t.store.users.get('anna.petrova');
    expect(anna).toMatchObject({
      username: 'anna.petrova',
      role: 'manager',
      attributes: { manager_id: 7 },
      disabled: false,
      hasPassword: true,
    });
    expect(viewerOf(anna)).toEqual({ attributes: { manager_id: 7 }, unrestricted: false });
    const hash = (await t.store.users.passwordHash('anna.petrova')) as string;
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
    await expect(t.store.users.add({ username: 'anna.petrova', role: 'admin' })).rejects.toMatchObject({ code: 'USER_EXISTS' });
    await expect(t.store.users.add({ username: '../etc', role: 'admin' })).rejects.toMatchObject({ code: 'USAGE' });
    await t.store.users.add({ username: 'boss', role: 'executive' });
    expect((await t.store.users.list()).map((u) => u.username)).toEqual(['anna.petrova', 'boss']);
    expect(viewerOf(await t.store.users.get('boss')).unrestricted).toBe(true);
    await t.store.users.remove('boss');
    await expect(t.store.users.get('boss')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('sessions expire when idle and absolutely, and end when the user is disabled', async () => {
    const { secret } = await t.store.sessions.create('anna.petrova', { ip: '10.0.0.1' });
    expect((await t.store.sessions.lookup(secret))?.user.username).toBe('anna.petrova');
    expect(await t.store.sessions.lookup(`${secret}x`)).toBeUndefined();
    clock += 29 * 60_000;
    expect(await t.store.sessions.lookup(secret)).toBeDefined(); // touched: idle restarts
    clock += 29 * 60_000;
    expect(await t.store.sessions.lookup(secret)).toBeDefined();
    clock += 31 * 60_000;
    expect(await t.store.sessions.lookup(secret)).toBeUndefined(); // idle

    const absolute = await t.store.sessions.create('anna.petrova');
    for (let i = 0; i < 16; i++) {
      clock += 29 * 60_000;
      const alive = await t.store.sessions.lookup(absolute.secret);
      if (i < 16 && clock < absolute.expiresAt) expect(alive).toBeDefined();
      else expect(alive).toBeUndefined();
    }
    clock += 60 * 60_000;
    expect(await t.store.sessions.lookup(absolute.secret)).toBeUndefined();

    const s = await t.store.sessions.create('anna.petrova');
    await t.store.users.setDisabled('anna.petrova', true);
    expect(await t.store.sessions.lookup(s.secret)).toBeUndefined();
    await t.store.users.setDisabled('anna.petrova', false);
    expect(await t.store.sessions.lookup(s.secret)).toBeUndefined(); // stays ended
  });

  it('a user disabled by another process (CLI, another instance) is signed out within the 2 s session cache', async () => {
    const { secret } = await t.store.sessions.create('anna.petrova');
    expect(await t.store.sessions.lookup(secret)).toBeDefined();
    const other = await t.reopen();
    try {
      await other.users.setDisabled('anna.petrova', true);
      clock += 2000;
      expect(await t.store.sessions.lookup(secret)).toBeUndefined();
      await other.users.setDisabled('anna.petrova', false);
    } finally {
      await other.close();
    }
  });

  it('stores only hashes of sessions and tokens', async () => {
    const { secret } = await t.store.sessions.create('anna.petrova');
    const { token } = await t.store.tokens.create('anna.petrova', { name: 'excel', dashboards: ['sales-activity'] });
    const dump = JSON.stringify([
      await t.store.db.selectFrom('vitrina_sessions').selectAll().execute(),
      await t.store.db.selectFrom('vitrina_api_tokens').selectAll().execute(),
    ]);
    expect(dump).not.toContain(secret);
    // The secret part is everything after `vt_<id>_`; base64url may itself contain `_`.
    const tokenSecret = token.slice(token.indexOf('_', 3) + 1);
    expect(tokenSecret.length).toBeGreaterThan(20);
    expect(dump).not.toContain(tokenSecret);
  });

  it('API tokens: verified, scoped to dashboards, revocable, dead with their owner', async () => {
    const { token, info } = await t.store.tokens.create('anna.petrova', { name: 'bi', dashboards: ['a', 'b'] });
    expect(token).toMatch(/^vt_[a-f0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await t.store.tokens.verify(token)).toMatchObject({
      tokenId: info.id,
      dashboards: ['a', 'b'],
      user: { username: 'anna.petrova' },
    });
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await t.store.tokens.verify(forged)).toBeUndefined();
    expect(await t.store.tokens.verify('vt_zz')).toBeUndefined();
    await t.store.users.setDisabled('anna.petrova', true);
    expect(await t.store.tokens.verify(token)).toBeUndefined();
    await t.store.users.setDisabled('anna.petrova', false);
    expect(await t.store.tokens.verify(token)).toBeDefined();
    expect(await t.store.tokens.revoke(info.id)).toBe('anna.petrova');
    expect(await t.store.tokens.verify(token)).toBeUndefined();
    const expiring = await t.store.tokens.create('anna.petrova', { name: 'x', dashboards: ['*'], expiresAt: new Date(clock + 1000) });
    expect(await t.store.tokens.verify(expiring.token)).toBeDefined();
    clock += 1000;
    expect(await t.store.tokens.verify(expiring.token)).toBeUndefined();
  });

  it('audit log: records, lists newest first, counts failures', async () => {
    const start = clock;
    await t.store.audit.record({ event: 'login_failed', subject: 'anna.petrova', ip: '10.0.0.9', ok: false });
    clock += 1;
    await t.store.audit.record({ event: 'login_failed', subject: 'ghost', ip: '10.0.0.9', ok: false });
    clock += 1;
    await t.store.audit.record({ event: 'export', actor: 'anna.petrova', details: { report: 'r', format: 'csv' } });
    const entries = await t.store.audit.list({ since: new Date(start) });
    expect(entries.map((e) => e.event)).toEqual(['export', 'login_failed', 'login_failed']);
    expect(entries[0]).toMatchObject({ actor: 'anna.petrova', ok: true, details: { report: 'r', format: 'csv' } });
    expect(await t.store.audit.failures({ ip: '10.0.0.9' }, start)).toBe(2);
    expect(await t.store.audit.failures({ subject: 'anna.petrova' }, start)).toBe(1);
    expect(await t.store.audit.failures({ subject: 'anna.petrova' }, clock + 1)).toBe(0);
  });
});
