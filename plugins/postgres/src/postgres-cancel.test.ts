/**
 * Cancellation and the connection pool: an aborted or timed-out query stops on the server, not
 * only in Vitrina; when every connection is busy a query waits its turn, for a bounded time.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceOpener } from '../../../test/support/open-test-source.js';
import { createTestDatabase, runSql, type TestDatabase } from '../../../test/support/postgres-cluster.js';
import connector from './index.js';

const open = sourceOpener(connector);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('pg_cancel');
});
afterAll(async () => {
  await open.destroyAll();
  await db.drop();
});

let markers = 0;
/** A statement that sleeps, tagged so that pg_stat_activity can tell it apart. */
function sleeper(seconds: number): { query: CompiledQuery; marker: string } {
  const marker = `sleeper_${process.pid}_${++markers}`;
  return { query: CompiledQuery.raw(`select pg_sleep(${seconds}) as ${marker}`), marker };
}

/** How many server processes are running the tagged statement right now (seen as the admin). */
async function running(marker: string): Promise<number> {
  const rows = await runSql(
    db.url,
    "select count(*)::int as n from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and position($1 in query) > 0",
    [marker],
  );
  return rows[0]?.n as number;
}

describe('cancellation', () => {
  it('aborting returns at once and the server stops the statement, even when the pool has no free connection', async () => {
    const source = open({ url: db.url, poolSize: 1 });
    const { query, marker } = sleeper(10);
    const controller = new AbortController();
    const result = source.query(query, { signal: controller.signal });
    await expect.poll(() => running(marker)).toBe(1);
    const abortedAt = Date.now();
    controller.abort();
    await expect(result).rejects.toMatchObject({ code: 'ABORTED', message: expect.stringMatching(/source 'crm'.*cancelled/) });
    expect(Date.now() - abortedAt).toBeLessThan(500);
    await expect.poll(() => running(marker), { timeout: 3000 }).toBe(0);
    expect(await source.query(CompiledQuery.raw('select 1 as one'))).toEqual([{ one: 1 }]);
  });

  it("the core's query timeout cancels the statement on the server too", async () => {
    const source = open({ url: db.url });
    const { query, marker } = sleeper(10);
    const started = Date.now();
    await expect(source.query(query, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1500);
    await expect.poll(() => running(marker), { timeout: 3000 }).toBe(0);
  });

  it('a query aborted before it starts never reaches the server', async () => {
    const source = open({ url: db.url });
    const { query, marker } = sleeper(10);
    await expect(source.query(query, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await running(marker)).toBe(0);
  });

  it('concurrent queries run side by side on separate connections', async () => {
    const source = open({ url: db.url, poolSize: 4 });
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => source.query(CompiledQuery.raw('select pg_sleep(0.4)'))));
    expect(Date.now() - started).toBeLessThan(1400);
  });
});

describe('pool exhaustion', () => {
  it('queues a query while every connection is busy, then runs it', async () => {
    const source = open({ url: db.url, poolSize: 1 });
    const started = Date.now();
    const slow = source.query(CompiledQuery.raw('select pg_sleep(0.5) as slow'));
    const next = source.query(CompiledQuery.raw('select 2 as two'));
    expect(await next).toEqual([{ two: 2 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    await slow;
  });

  it('gives up after poolWaitMs with an error that says what to change', async () => {
    const source = open({ url: db.url, poolSize: 1, poolWaitMs: 100 });
    const slow = source.query(CompiledQuery.raw('select pg_sleep(1)'));
    await expect(source.query(CompiledQuery.raw('select 2'))).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
      message: expect.stringMatching(/source 'crm'.*all 1 connections to PostgreSQL are busy; none became free within 100 ms/),
      hint: expect.stringMatching(/poolSize/),
    });
    await slow;
  });

  it('aborting a query that waits for a connection gives its place up', async () => {
    const source = open({ url: db.url, poolSize: 1 });
    const slow = source.query(CompiledQuery.raw('select pg_sleep(0.5)'));
    const controller = new AbortController();
    const waiting = source.query(CompiledQuery.raw('select 2'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    await slow;
    expect(await source.query(CompiledQuery.raw('select 3 as three'))).toEqual([{ three: 3 }]);
  });
});
