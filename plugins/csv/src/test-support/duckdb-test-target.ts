/**
 * @module A test-only {@link ExtractTarget} over a real DuckDB (the same @duckdb/node-api build the
 * core's extract engine uses, not a mock): the plugin's `load` runs its `read_csv` SQL against it,
 * and tests read the table back. Bad rows and progress are recorded for assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BadRow, ExtractTarget } from '@vitrina/core/connector';

// The plugin does not depend on DuckDB (it only writes SQL); the tests borrow the core's copy.
// The small structural interface below is all the tests use of it.
interface Connection {
  run(sql: string, values?: unknown[]): Promise<unknown>;
  runAndReadAll(sql: string, values?: unknown[]): Promise<{ getRowObjects(): Record<string, unknown>[] }>;
  closeSync(): void;
}
interface Instance {
  connect(): Promise<Connection>;
  closeSync(): void;
}
const requireFromCore = createRequire(createRequire(import.meta.url).resolve('@vitrina/core/package.json'));
const { DuckDBInstance } = requireFromCore('@duckdb/node-api') as { DuckDBInstance: { create(path: string): Promise<Instance> } };

export interface TestTarget extends ExtractTarget {
  badRows: BadRow[];
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** A DuckDB database file (kept across targets so append tests see the previous load's tables). */
export async function openTestTarget(
  file: string,
  options: { mode?: 'full' | 'append'; state?: Record<string, unknown> } = {},
): Promise<TestTarget> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run("set TimeZone = 'UTC'");
  const tempDir = mkdtempSync(join(tmpdir(), 'vitrina-csv-load-'));
  // JSON-safe values as the contract promises: BIGINT → number, DATE/TIMESTAMP → their text.
  const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v !== null && typeof v === 'object' ? String(v) : v);
  const all = async (sql: string, params: unknown[] = []) =>
    (await connection.runAndReadAll(sql, params))
      .getRowObjects()
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  const badRows: BadRow[] = [];
  return {
    mode: options.mode ?? 'full',
    state: options.state,
    tempDir,
    badRows,
    async run(sql, params = []) {
      await connection.run(sql, params);
    },
    all,
    async append() {
      throw new Error('append() is not used by the CSV connector');
    },
    progress() {},
    badRow(row) {
      badRows.push(row);
    },
    async querySource() {
      throw new Error('querySource() is not used by the CSV connector');
    },
    rows: (sql) => all(sql),
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
