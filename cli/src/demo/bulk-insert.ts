/** @module Batched prepared inserts with throttled progress, the one way the demo writes rows. */
import type Database from 'better-sqlite3';
import type { DemoTable } from './demo-schema.js';

export type DemoProgress = (p: { table: string; done: number; total: number }) => void;

export interface BulkInsert {
  /** Values in the table's column order. The array may be reused by the caller after the call. */
  add(values: unknown[]): void;
  /** Commits what is pending and reports the final count. */
  finish(): void;
}

/** How generators get a writer: the expected row count drives progress reports. */
export type OpenTable = (table: DemoTable, total: number) => BulkInsert;

/** Rows bound per INSERT: fewer statement executions cut the per-call overhead by about a third. */
const ROWS_PER_STATEMENT = 20;
const ROWS_PER_TRANSACTION = 25_000;
const ROWS_PER_PROGRESS = 50_000;

/**
 * Large transactions amortise the commit, and progress is throttled because a callback per row
 * would cost more than the insert. Transactions are opened lazily, so writers of small tables may
 * interleave (a commit by one simply covers the other's rows too).
 */
export function createTableOpener(
  db: Database.Database,
  counts: Record<string, number>,
  options: { onProgress?: DemoProgress | undefined; signal?: AbortSignal | undefined },
): OpenTable {
  return (table, total) => {
    const { n: width } = db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${table}')`).get() as { n: number };
    const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    const single = db.prepare(`INSERT INTO ${table} VALUES ${tuple}`);
    const multi = db.prepare(`INSERT INTO ${table} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(', ')}`);
    const pending: unknown[] = new Array(width * ROWS_PER_STATEMENT);
    let filled = 0;
    const { onProgress, signal } = options;
    let done = 0;
    onProgress?.({ table, done, total });
    const flush = () => {
      for (let offset = 0; offset < filled; offset += width) single.run(pending.slice(offset, offset + width));
      filled = 0;
    };
    return {
      add(values) {
        if (!db.inTransaction) db.exec('BEGIN');
        for (let i = 0; i < width; i++) pending[filled++] = values[i];
        if (filled === pending.length) {
          multi.run(pending);
          filled = 0;
        }
        done++;
        if (done % ROWS_PER_TRANSACTION === 0) {
          flush();
          db.exec('COMMIT');
          signal?.throwIfAborted();
        }
        if (done % ROWS_PER_PROGRESS === 0 && done < total) onProgress?.({ table, done, total });
      },
      finish() {
        flush();
        if (db.inTransaction) db.exec('COMMIT');
        counts[table] = done;
        onProgress?.({ table, done, total: done });
      },
    };
  };
}
