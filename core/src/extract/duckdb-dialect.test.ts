/** @module The DuckDB Kysely dialect on a real database file: values as the engine expects them, parameters, transactions, introspection. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBDialect } from './duckdb-dialect.js';
import { DuckDBConnectionPool } from './duckdb-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-duckdb-'));
let pool: DuckDBConnectionPool;
let db: Kysely<any>;

beforeAll(async () => {
  pool = await DuckDBConnectionPool.open(join(dir, 'test.duckdb'));
  db = new Kysely<any>({ dialect: new DuckDBDialect(() => pool) });
  await sql`create table t (id bigint, big hugeint, amount decimal(12, 2), d date, ts timestamp, tz timestamptz, ok boolean, name varchar, x double)`.execute(
    db,
  );
  await sql`insert into t values (1, 12345678901234567890, 12.25, '2026-01-02', '2026-01-02 03:04:05.678', '2026-01-02 03:04:05+03', true, 'Анна', 0.5),
    (2, null, null, null, null, null, null, null, null)`.execute(db);
});
afterAll(async () => {
  await db.destroy();
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB dialect', () => {
  it('returns BIGINT/DECIMAL as numbers, an unsafe HUGEINT as its digits, dates and timestamps as UTC text', async () => {
    const rows = await db.selectFrom('t').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      {
        id: 1,
        big: '12345678901234567890',
        amount: 12.25,
        d: '2026-01-02',
        ts: '2026-01-02 03:04:05',
        tz: '2026-01-02 00:04:05',
        ok: true,
        name: 'Анна',
        x: 0.5,
      },
      { id: 2, big: null, amount: null, d: null, ts: null, tz: null, ok: null, name: null, x: null },
    ]);
    expect(await sql`select count(*) as n, sum(id) as s, avg(amount) as a from t`.execute(db).then((r) => r.rows)).toEqual([
      { n: 2, s: 3, a: 12.25 },
    ]);
  });

  it('binds $n parameters compiled by the PostgreSQL compiler; an instant given as ISO text compares with timestamps', async () => {
    const q = db.selectFrom('t').select('id').where('ts', '>=', '2026-01-02T00:00:00.000Z').where('name', '=', 'Анна');
    expect(q.compile().sql).toMatch(/\$1.*\$2/);
    expect(await q.execute()).toEqual([{ id: 1 }]);
  });

  it('runs transactions and reports affected rows', async () => {
    await db.transaction().execute(async (trx) => {
      const result = await trx.insertInto('t').values({ id: 3 }).executeTakeFirst();
      expect(result.numInsertedOrUpdatedRows).toBe(1n);
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 4 }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await sql`select count(*) as n from t`.execute(db).then((r) => r.rows)).toEqual([{ n: 3 }]);
  });

  it('introspects tables and columns', async () => {
    const [table] = await db.introspection.getTables();
    expect(table?.name).toBe('t');
    expect(table?.columns.map((c) => [c.name, c.dataType])).toContainEqual(['amount', 'DECIMAL(12,2)']);
  });
});
