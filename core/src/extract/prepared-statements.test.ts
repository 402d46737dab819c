/** @module Prepared statements per DuckDB connection: reused with new values, bounded, and exact as a fresh run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBConnectionPool } from './duckdb-pool.js';
import { MAX_STATEMENTS_PER_CONNECTION, preparedCount, runPrepared } from './prepared-statements.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-prepared-'));
let pool: DuckDBConnectionPool;
let connection: DuckDBConnection;

beforeAll(async () => {
  pool = await DuckDBConnectionPool.open(join(dir, 'test.duckdb'));
  connection = await pool.acquire();
  await connection.run(
    "create table calls as select i as id, timestamp '2026-10-01' + to_hours(i) as started_at, if(i % 3 = 0, 'busy', 'answered') as disposition from range(1000) t(i)",
  );
});
afterAll(async () => {
  pool.release(connection);
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const monthSql = 'select disposition, count(*) as n from calls where started_at >= $1 and started_at < $2 group by 1 order by 1 limit $3';

describe('runPrepared', () => {
  it('answers each run with its own values, as a fresh run of the same SQL does', async () => {
    const ranges: [string, string][] = [
      ['2026-10-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z'],
      ['2026-10-05T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
      ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ];
    for (const [from, to] of ranges) {
      const prepared = (await runPrepared(connection, monthSql, [from, to, 10])).getRowsJS();
      const fresh = (await connection.runAndReadAll(monthSql, [from, to, 10])).getRowsJS();
      expect(prepared).toEqual(fresh);
    }
    expect((await runPrepared(connection, monthSql, ['2026-10-01', '2026-10-02', 10])).getRowsJS()).toEqual([
      ['answered', 16n],
      ['busy', 8n],
    ]);
    expect(preparedCount(connection)).toBe(1);
  });

  it('runs a statement without parameters, and a failing statement does not poison the next one', async () => {
    expect((await runPrepared(connection, 'select count(*) from calls', [])).getRowsJS()).toEqual([[1000n]]);
    await expect(runPrepared(connection, 'select nope from calls', [])).rejects.toThrow(/nope/);
    await expect(runPrepared(connection, monthSql, ['2026-10-01', '2026-10-02'])).rejects.toThrow();
    expect((await runPrepared(connection, monthSql, ['2026-10-01', '2026-10-02', 1])).getRowsJS()).toEqual([['answered', 16n]]);
  });

  it(`keeps at most ${MAX_STATEMENTS_PER_CONNECTION} statements per connection, dropping the least recently used`, async () => {
    for (let i = 0; i < MAX_STATEMENTS_PER_CONNECTION + 10; i++)
      expect((await runPrepared(connection, `select ${i} + $1`, [1])).getRowsJS()).toEqual([[i + 1]]);
    expect(preparedCount(connection)).toBe(MAX_STATEMENTS_PER_CONNECTION);
    // The evicted statements are prepared again when asked, with the right answer.
    expect((await runPrepared(connection, 'select 0 + $1', [41])).getRowsJS()).toEqual([[41]]);
    expect(preparedCount(connection)).toBe(MAX_STATEMENTS_PER_CONNECTION);
  });
});
