/**
 * @module Loads a set of tables into a PostgreSQL schema through `COPY … FROM STDIN` and swaps it in
 * atomically. Lives here (not in the CLI) so that `pg` and `pg-copy-streams` stay this package's
 * dependencies; the CLI's demo loader and the benchmark only describe tables and hand over rows.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

export interface CopyTable {
  name: string;
  /** `CREATE TABLE <name> (…)` without a schema: it runs with the temporary schema on the search path. */
  createSql: string;
  /** Column names in the order of each row's values. */
  columns: readonly string[];
  /** Values in column order; null/undefined become SQL NULL. An array may be reused after it is yielded. */
  rows: Iterable<readonly unknown[]>;
  /** Expected row count, for progress reports only. */
  total: number;
}

export interface LoadSchemaOptions {
  /** postgres:// URL of the target database. */
  url: string;
  /** The schema readers use; it is replaced as a whole, and only at the end. */
  schema: string;
  tables: readonly CopyTable[];
  /** Run after every table is loaded (indexes, constraints), unqualified, in the temporary schema. */
  afterLoad?: readonly string[];
  onProgress?: (p: { table: string; done: number; total: number }) => void;
}

export interface LoadSchemaSummary {
  counts: Record<string, number>;
  /** Milliseconds spent in COPY, in DDL after it (indexes, ANALYZE) and in the swap. */
  timings: { copyMs: number; afterLoadMs: number; swapMs: number };
}

const PROGRESS_EVERY = 50_000;
/** Rows per chunk pushed into the COPY stream: large enough to keep syscalls few, small enough to stream. */
const ROWS_PER_CHUNK = 2_000;

/** Text CSV must quote: empty (else NULL), or holding a delimiter, quote, line break or backslash (`\.` ends COPY data). */
const NEEDS_QUOTES = /^$|[,"\r\n\\]/;

/** One CSV field; NULL is the unquoted empty field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  // Most CRM text needs no quotes; skipping them saves a pass over every string.
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text chunks; progress is reported per `PROGRESS_EVERY` rows as they are produced. */
export function* csvChunks(rows: Iterable<readonly unknown[]>, onRows?: (done: number) => void): Generator<string, number, undefined> {
  let chunk = '';
  let inChunk = 0;
  let done = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i ? ',' : '') + csvField(row[i]);
    chunk += `${line}\n`;
    done++;
    if (++inChunk === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
    if (done % PROGRESS_EVERY === 0) onRows?.(done);
  }
  if (chunk) yield chunk;
  return done;
}

/** Streams rows into `table` of the session's schema with one COPY; returns the row count. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  onRows?: (done: number) => void,
): Promise<number> {
  let count = 0;
  const counted = (function* () {
    count = yield* csvChunks(rows, onRows);
  })();
  const columnList = columns.map((c) => pg.escapeIdentifier(c)).join(', ');
  const target = client.query(copyStreams.from(`COPY ${pg.escapeIdentifier(table)} (${columnList}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from(counted), target);
  return count;
}

/**
 * Creates `<schema>_tmp_<pid>`, loads every table with COPY, runs `afterLoad` and ANALYZE, then in
 * one transaction drops `schema` and renames the temporary one to it, so readers see the old data or
 * the new, never a half-loaded schema. On failure the temporary schema is dropped and the old one
 * stays untouched.
 */
export async function loadSchemaWithCopy(options: LoadSchemaOptions): Promise<LoadSchemaSummary> {
  const { schema } = options;
  const temp = `${schema}_tmp_${process.pid}`;
  const tempId = pg.escapeIdentifier(temp);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const counts: Record<string, number> = {};
  const timings = { copyMs: 0, afterLoadMs: 0, swapMs: 0 };
  try {
    // Source timestamps without an offset are UTC; the session zone decides how timestamptz reads them.
    await client.query("SET TIME ZONE 'UTC'");
    await client.query(`DROP SCHEMA IF EXISTS ${tempId} CASCADE`);
    await client.query(`CREATE SCHEMA ${tempId}`);
    await client.query(`SET search_path TO ${tempId}`);
    let started = performance.now();
    for (const table of options.tables) {
      await client.query(table.createSql);
      options.onProgress?.({ table: table.name, done: 0, total: table.total });
      const done = await copyRows(client, table.name, table.columns, table.rows, (n) =>
        options.onProgress?.({ table: table.name, done: n, total: table.total }),
      );
      counts[table.name] = done;
      options.onProgress?.({ table: table.name, done, total: done });
    }
    timings.copyMs = performance.now() - started;
    started = performance.now();
    for (const statement of options.afterLoad ?? []) await client.query(statement);
    // Fresh tables have no statistics; without them the first reports get poor plans.
    for (const table of options.tables) await client.query(`ANALYZE ${pg.escapeIdentifier(table.name)}`);
    timings.afterLoadMs = performance.now() - started;
    started = performance.now();
    await client.query('BEGIN');
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await client.query(`ALTER SCHEMA ${tempId} RENAME TO ${pg.escapeIdentifier(schema)}`);
    await client.query('COMMIT');
    timings.swapMs = performance.now() - started;
    return { counts, timings };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    await client.query(`DROP SCHEMA IF EXISTS ${tempId} CASCADE`).catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
