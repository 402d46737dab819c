/**
 * The JSON API's response memo keeps finished answers, and must never serve one it should not:
 * two viewers with different row scopes never share an entry; a definition edit or a data change
 * invalidates; a revoked or disabled sign-in is refused even when the answer is memoised; ETag
 * and 304 keep working; errors are not kept; and the memo stays within its bounds.
 * Whether an answer came from the memo is read from its hit/miss counters, never from timing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoOf, ResponseMemo } from '../../core/src/server/response-memo.js';
import { HttpClient } from '../access/http-client.js';
import { PASSWORDS, type SecuredServer, startSecuredServer } from '../access/secured-server.js';
import { startDemoServer, type TestServer } from './server-fixture.js';

const PANEL = '/api/reports/executive-overview/panels/revenue';
const SCOPED = '/api/reports/sales/panels/revenue_by?by=manager&period=this_quarter';

/** Counts the memo's hits and misses over `run`. */
async function counted<T>(memo: ResponseMemo, run: () => Promise<T>): Promise<{ result: T; hits: number; misses: number }> {
  const [h, m] = [memo.hits, memo.misses];
  const result = await run();
  return { result, hits: memo.hits - h, misses: memo.misses - m };
}

describe('response memo without sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => server?.dispose());
  const memo = () => memoOf(server.project);
  const body = async (path: string, headers: Record<string, string> = {}) => {
    const r = await server.get(path, { headers });
    return { status: r.status, etag: r.headers.get('etag'), text: await r.text(), cacheControl: r.headers.get('cache-control') };
  };

  it('answers a repeat request from the memo with the same bytes, ETag and Cache-Control', async () => {
    const first = await body(PANEL);
    expect(first.status).toBe(200);
    const again = await counted(memo(), () => body(PANEL));
    expect(again.hits).toBe(1);
    expect(again.result).toEqual(first);
    expect(first.cacheControl).toMatch(/^private, max-age=\d+$/);
  });

  it('answers If-None-Match with 304 from the memo, and a changed tag with the body', async () => {
    const { etag, text } = await body(PANEL);
    const notModified = await counted(memo(), () => body(PANEL, { 'if-none-match': etag as string }));
    expect(notModified.hits).toBe(1);
    expect(notModified.result.status).toBe(304);
    expect(notModified.result.text).toBe('');
    expect(notModified.result.etag).toBe(etag);
    const weak = await body(PANEL, { 'if-none-match': `W/${etag}` });
    expect(weak.status).toBe(304);
    const other = await body(PANEL, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.text).toBe(text);
  });

  it('shares an entry between orders of the same parameters, never between languages or parameter values', async () => {
    const a = await body(`${PANEL}?period=last_month&trend=this_year`);
    const b = await counted(memo(), () => body(`${PANEL}?trend=this_year&period=last_month`));
    expect(b.hits).toBe(1);
    expect(b.result.text).toBe(a.text);
    const other = await counted(memo(), () => body(`${PANEL}?period=this_quarter&trend=this_year`));
    expect(other.hits).toBe(0);
    expect(other.result.text).not.toBe(a.text);
    const ru = await counted(memo(), () => body(`${PANEL}?period=last_month&trend=this_year&lang=ru`));
    expect(ru.hits).toBe(0);
    expect(JSON.parse(ru.result.text).title).toBe('Выручка против плана');
    expect(JSON.parse(a.text).title).toBe('Revenue vs plan');
  });

  it('keeps whole-report answers too', async () => {
    const first = await body('/api/reports/executive-overview?period=last_month');
    const again = await counted(memo(), () => body('/api/reports/executive-overview?period=last_month'));
    expect(again.hits).toBe(1);
    expect(again.result.text).toBe(first.text);
  });

  it('keeps no error answers', async () => {
    const size = memo().size;
    for (const path of [`${PANEL}?period=someday`, `${PANEL}?nope=1`, '/api/reports/executive-overview/panels/nope', '/api/reports/nope']) {
      expect((await body(path)).status, path).toBeGreaterThanOrEqual(400);
      const again = await counted(memo(), () => body(path));
      expect(again.result.status, path).toBeGreaterThanOrEqual(400);
      expect(again.hits, path).toBe(0);
    }
    expect(memo().size).toBe(size);
  });

  it('recomputes after a definition edit is reloaded', async () => {
    const before = JSON.parse((await body(PANEL)).text);
    expect(before.title).toBe('Revenue vs plan');
    const file = join(server.dir, 'report-definitions', 'executive-overview.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Revenue vs plan"', '"Revenue against plan"'));
    server.project.reloadDefinitions();
    const after = await counted(memo(), () => body(PANEL));
    expect(after.hits).toBe(0);
    expect(JSON.parse(after.result.text).title).toBe('Revenue against plan');
  });

  it('recomputes when the source data changes (its version moves)', async () => {
    const path = `${PANEL}?period=2026-10`;
    const before = JSON.parse((await body(path)).text);
    expect((await counted(memo(), () => body(path))).hits).toBe(1);
    const db = new Database(join(server.dir, 'data', 'crm.sqlite'));
    db.prepare("UPDATE deals SET amount = amount * 2 WHERE stage = 'won'").run();
    db.close();
    const after = await counted(memo(), () => body(path));
    expect(after.hits).toBe(0);
    expect(after.result.text).not.toBe(JSON.stringify(before));
    expect(JSON.parse(after.result.text).rows).not.toEqual(before.rows);
  });
});

describe('response memo with sign-in and row scope', () => {
  let s: SecuredServer;
  beforeAll(async () => {
    s = await startSecuredServer('sqlite');
  });
  afterAll(async () => s?.dispose());
  const memo = () => memoOf(s.project);

  it('never shares an answer between viewers of different scopes', async () => {
    const answers: Record<string, string> = {};
    for (const role of ['manager', 'head', 'ceo'] as const) {
      const first = await s.clients[role].get(SCOPED);
      expect(first.status, role).toBe(200);
      const again = await counted(memo(), () => s.clients[role].get(SCOPED));
      expect(again.hits, role).toBe(1);
      expect(again.result.text, role).toBe(first.text);
      answers[role] = first.text;
    }
    const managers = (text: string) => (JSON.parse(text).rows as unknown[][]).length;
    expect(managers(answers.manager as string)).toBe(1);
    expect(managers(answers.head as string)).toBeGreaterThan(1);
    expect(managers(answers.ceo as string)).toBeGreaterThan(managers(answers.head as string));
    // The token of the same manager carries the same scope: the same answer, shared.
    const token = await counted(memo(), () => fetch(`${s.url}${SCOPED}`, { headers: s.headers('token') }).then((r) => r.text()));
    expect(token.hits).toBe(1);
    expect(token.result).toBe(answers.manager);
  });

  it('still refuses a signed-out session and a disabled user when the answer is memoised', async () => {
    const client = new HttpClient(s.url);
    expect((await client.login('head', PASSWORDS.head)).status).toBe(303);
    expect((await client.get(SCOPED)).status).toBe(200);
    const csrf = HttpClient.csrfFrom((await client.get('/')).text) as string;
    const cookie = client.cookieHeader();
    expect((await client.request('/logout', { method: 'POST', form: { _csrf: csrf } })).status).toBe(303);
    const replayed = await fetch(`${s.url}${SCOPED}`, { headers: { cookie } });
    expect(replayed.status).toBe(401);

    const other = new HttpClient(s.url);
    expect((await other.login('ceo', PASSWORDS.ceo)).status).toBe(303);
    expect((await counted(memo(), () => other.get(SCOPED))).hits).toBe(1);
    await s.access.store.users.setDisabled('ceo', true);
    try {
      expect((await other.get(SCOPED)).status).toBe(401);
    } finally {
      await s.access.store.users.setDisabled('ceo', false);
    }
  });

  it('answers 404 for a report outside the viewer’s grants even when another viewer’s answer is memoised', async () => {
    const path = '/api/reports/executive-overview/panels/revenue';
    const ceo = new HttpClient(s.url);
    expect((await ceo.login('ceo', PASSWORDS.ceo)).status).toBe(303);
    expect((await ceo.get(path)).status).toBe(200);
    expect((await counted(memo(), () => ceo.get(path))).hits).toBe(1);
    expect((await s.clients.manager.get(path)).status).toBe(404);
    expect((await fetch(`${s.url}${path}`, { headers: s.headers('token') })).status).toBe(404);
  });
});

describe('ResponseMemo bounds and lifetime', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => server?.dispose());
  const json = (body: string) => ({ body: new TextEncoder().encode(body), etag: `"${body.length}"`, cacheControl: 'private, max-age=60' });
  const noData = { sources: [], versions: [] };

  it('drops the least recently used entries beyond its entry and byte limits', async () => {
    const memo = new ResponseMemo(server.project, { maxEntries: 2 });
    const defs = server.project.definitions;
    memo.set('a', json('1'), 60_000, defs, noData);
    memo.set('b', json('2'), 60_000, defs, noData);
    expect(await memo.get('a')).toBeDefined();
    memo.set('c', json('3'), 60_000, defs, noData);
    expect(memo.size).toBe(2);
    expect(await memo.get('b')).toBeUndefined();
    expect(new TextDecoder().decode((await memo.get('a'))?.body)).toBe('1');
    const small = new ResponseMemo(server.project, { maxBytes: 64 * 1024 });
    for (let i = 0; i < 20; i++) small.set(`k${i}`, json('x'.repeat(4000)), 60_000, defs, noData);
    expect(small.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(small.size).toBeLessThan(20);
    expect(await small.get('k19')).toBeDefined();
    small.set('huge', json('x'.repeat(64 * 1024)), 60_000, defs, noData);
    expect(await small.get('huge')).toBeUndefined();
  });

  it('expires entries after their TTL, keeps nothing with TTL 0 or an unknown data version', async () => {
    let now = Date.parse('2026-11-26T09:00:00Z');
    const memo = new ResponseMemo(server.project, {}, () => now);
    const defs = server.project.definitions;
    memo.set('a', json('1'), 30_000, defs, noData);
    memo.set('zero', json('1'), 0, defs, noData);
    memo.set('down', json('1'), 30_000, defs, { sources: ['crm'], versions: ['unavailable'] });
    expect(await memo.get('zero')).toBeUndefined();
    expect(await memo.get('down')).toBeUndefined();
    now += 29_000;
    expect(await memo.get('a')).toBeDefined();
    now += 1_000;
    expect(await memo.get('a')).toBeUndefined();
  });

  it('expires entries when the local day turns (relative periods move)', async () => {
    // Europe/Moscow is UTC+3: local midnight is 21:00 UTC.
    let now = Date.parse('2026-11-26T20:59:00Z');
    const memo = new ResponseMemo(server.project, {}, () => now);
    memo.set('a', json('1'), 3_600_000, server.project.definitions, noData);
    expect(await memo.get('a')).toBeDefined();
    now = Date.parse('2026-11-26T21:00:00Z');
    expect(await memo.get('a')).toBeUndefined();
  });

  it('keeps nothing computed against definitions that were reloaded meanwhile', async () => {
    const memo = new ResponseMemo(server.project);
    const old = server.project.definitions;
    server.project.reloadDefinitions();
    memo.set('a', json('1'), 60_000, old, noData);
    expect(await memo.get('a')).toBeUndefined();
  });
});
