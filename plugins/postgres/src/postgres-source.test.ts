/**
 * The PostgreSQL connector on a real server: how it connects, that it only reads, the server-side
 * statement timeout, the values it returns, its health and its data version.
 */
import { connectorContext, RuntimeSource, VitrinaError } from '@vitrina/core';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceOpener } from '../../../test/support/open-test-source.js';
import { createTestDatabase, runSql, type TestDatabase } from '../../../test/support/postgres-cluster.js';
import connector from './index.js';

const open = sourceOpener(connector);
const query = (source: RuntimeSource, text: string, parameters: unknown[] = []) => source.query(CompiledQuery.raw(text, parameters));

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('pg_source');
  await runSql(
    db.url,
    `create schema sales;
     create table sales.deals (id bigint primary key, amount numeric(14,2) not null, closed_on date, closed_at timestamp, won boolean);
     insert into sales.deals values
       (1, 10.25, '2026-03-01', '2026-03-01 22:30:00', true),
       (2, 20.50, '2026-03-02', '2026-03-02 08:00:00.123456', false),
       (9007199254740993, 0.10, null, null, null);`,
  );
});
afterAll(async () => {
  await open.destroyAll();
  await db.drop();
});

describe('PostgreSQL connector', () => {
  it('declares itself by the contract, with cancellation and concurrent queries', () => {
    expect(connector).toMatchObject({ name: 'postgres', apiVersion: 1 });
    expect(
      RuntimeSource.create(
        'x',
        connector,
        connector.create({ url: db.url } as never, connectorContext({ sourceName: 'x', projectDir: '/' })),
      ).capabilities,
    ).toMatchObject({
      supportsConcurrentQueries: true,
      supportsCancellation: true,
      supportsPreciseTypes: true,
    });
  });

  it('marks the password and the URL as secrets in its option schema', () => {
    const properties = connector.configSchema.properties as Record<string, Record<string, unknown>>;
    expect(properties.password?.['x-secret']).toBe(true);
    expect(properties.url?.['x-secret']).toBe(true);
  });

  it('connects by URL', async () => {
    const source = open({ url: db.url, schema: 'sales' });
    expect(await query(source, 'select count(*) as n from deals')).toEqual([{ n: 3 }]);
  });

  it('connects by fields, the password coming separately', async () => {
    const url = new URL(db.url);
    const source = open({
      host: url.hostname,
      port: Number(url.port),
      database: db.name,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      schema: ['sales', 'public'],
    });
    expect(await query(source, 'select current_database() as name')).toEqual([{ name: db.name }]);
    expect(await query(source, 'select count(*) as n from deals')).toEqual([{ n: 3 }]);
  });

  it('combines a URL without a password with a separate password', async () => {
    const url = new URL(db.url);
    const password = decodeURIComponent(url.password);
    url.password = '';
    const source = open({ url: url.toString(), password });
    expect(await query(source, 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('runs every query read-only: a write fails at the server, also through Kysely', async () => {
    const source = open({ url: db.url, schema: 'sales' });
    const error = await query(source, 'update deals set amount = 0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VitrinaError);
    expect(error).toMatchObject({ code: 'SQL_NOT_READ_ONLY', message: expect.stringMatching(/source 'crm'.*read-only transaction/) });
    const kysely = (await source.db()) as Kysely<any>;
    await expect(sql`delete from deals`.execute(kysely)).rejects.toThrow(/read-only transaction/);
    expect(await runSql(db.url, 'select count(*)::int as n from sales.deals')).toEqual([{ n: 3 }]);
  });

  it('stops a statement at the server after statementTimeoutMs', async () => {
    const source = open({ url: db.url, statementTimeoutMs: 200 });
    const started = Date.now();
    await expect(query(source, 'select pg_sleep(5)')).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
      message: expect.stringMatching(/source 'crm'.*statement timeout/),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('returns counts and numeric sums as numbers, big integers exactly, dates as text, timestamps as UTC instants', async () => {
    const source = open({ url: db.url, schema: 'sales' });
    const [row] = await query(
      source,
      'select count(*) as n, sum(amount) as total, max(id) as big, min(closed_on) as first_day, min(closed_at) as first_at, max(closed_at) as last_at from deals',
    );
    expect(row).toEqual({
      n: 3,
      total: 30.85,
      big: '9007199254740993',
      first_day: '2026-03-01',
      first_at: new Date('2026-03-01T22:30:00Z'),
      last_at: new Date('2026-03-02T08:00:00.123Z'),
    });
  });

  it('binds parameters', async () => {
    const source = open({ url: db.url, schema: 'sales' });
    expect(await query(source, 'select id from deals where amount > $1 and won = $2', [10, false])).toEqual([{ id: 2 }]);
  });

  it('introspects tables with precise types', async () => {
    const source = open({ url: db.url });
    const deals = (await source.introspect()).find((t) => t.name === 'deals');
    expect(deals).toMatchObject({ schema: 'sales', kind: 'table' });
    expect(deals?.columns.map((c) => [c.name, c.type, c.fidelity])).toEqual([
      ['id', 'integer', 'precise'],
      ['amount', 'number', 'precise'],
      ['closed_on', 'date', 'precise'],
      ['closed_at', 'timestamp', 'precise'],
      ['won', 'boolean', 'precise'],
    ]);
  });

  it('reports health as a value with the server version', async () => {
    expect(await open({ url: db.url }).checkHealth()).toEqual({
      ok: true,
      details: { server_version: expect.stringMatching(/^\d+/), database: db.name, where: expect.stringContaining(db.name) },
    });
  });

  it('changes its version when the data changes, so cached results expire', async () => {
    const source = open({ url: db.url });
    const before = await source.version();
    expect(before).toMatch(/^\d+:/);
    await runSql(db.url, `insert into sales.deals values (3, 1, null, null, null)`);
    // Statistics reach pg_stat_user_tables within about a second of the commit.
    await expect.poll(() => source.version(), { timeout: 15_000, interval: 300 }).not.toBe(before);
  });
});
