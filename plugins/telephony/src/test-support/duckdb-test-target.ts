/**
 * @module Test-only ExtractTarget over a real DuckDB database (@duckdb/node-api, the same engine
 * the core's extracts use — not a mock), for testing `load` before and beside the core's engine.
 * A load runs in a transaction that is rolled back when it throws, like the core's atomic swap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BadRow, ExtractTarget, LoadOutcome, RowBatch } from '@vitrina/core/connector';

interface DuckConnection {
  run(sql: string, params?: unknown[]): Promise<unknown>;
  runAndReadAll(sql: string, params?: unknown[]): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  closeSync(): void;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

// The plugin does not depend on DuckDB (the core does); borrow the core's copy.
const require = createRequire(join(import.meta.dirname, '..', '..', '..', '..', 'core', 'package.json'));
const duckdb = require('@duckdb/node-api') as { DuckDBInstance: { create(path: string): Promise<DuckInstance> } };

/** JSON-safe rows: BIGINT strings that are integers become numbers. */
function plain(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const [k, v] of Object.entries(row))
      if (
        typeof v === 'string' &&
        /^-?\d{1,15}$/.test(v) &&
        k !== 'call_id' &&
        k !== 'linked_id' &&
        k !== 'caller' &&
        k !== 'callee' &&
        k !== 'extension' &&
        k !== 'trunk' &&
        k !== 'queue' &&
        k !== 'disposition_raw'
      )
        row[k] = Number(v);
  return rows;
}

export interface TestExtract {
  /** Runs one load like the core would; `state` carries over between calls. */
  load(
    loader: (target: ExtractTarget) => Promise<LoadOutcome>,
    mode?: 'full' | 'append',
    querySource?: ExtractTarget['querySource'],
  ): Promise<LoadOutcome>;
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  badRows: BadRow[];
  state: Record<string, unknown> | undefined;
  close(): void;
}

export async function openTestExtract(): Promise<TestExtract> {
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  const temp = mkdtempSync(join(tmpdir(), 'vitrina-telephony-'));
  const all = async (sql: string, params?: unknown[]) => plain((await connection.runAndReadAll(sql, params)).getRowObjectsJson());
  const extract: TestExtract = {
    badRows: [],
    state: undefined,
    all,
    async load(loader, mode = 'full', querySource) {
      await connection.run('BEGIN TRANSACTION');
      if (mode === 'full') await connection.run('DROP TABLE IF EXISTS calls');
      const target: ExtractTarget = {
        mode,
        state: extract.state,
        tempDir: temp,
        run: async (sql, params) => void (await connection.run(sql, params)),
        all,
        append: async (_table: string, _batches: AsyncIterable<RowBatch>) => 0,
        progress: () => {},
        badRow: (row) => void extract.badRows.push(row),
        querySource: querySource ?? (async () => []),
      };
      try {
        const outcome = await loader(target);
        await connection.run('COMMIT');
        extract.state = outcome.state;
        return outcome;
      } catch (error) {
        await connection.run('ROLLBACK');
        throw error;
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(temp, { recursive: true, force: true });
    },
  };
  return extract;
}
