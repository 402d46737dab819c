/**
 * @module The {@link ExtractTarget} a plugin's `load` writes into: DuckDB statements on the file
 * being built, JS rows through DuckDB's appender, progress, bad rows, and read-only queries of
 * other sources.
 */
import { type DuckDBAppender, type DuckDBConnection, DuckDBTypeId } from '@duckdb/node-api';
import type { BadRow, ExtractTarget, RowBatch } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';
import { bindValues, rowObjects } from './duckdb-values.js';
import { type BadRowSummary, MAX_REPORTED_BAD_ROWS } from './extract-types.js';

export interface TargetOptions {
  source: string;
  mode: 'full' | 'append';
  state?: Record<string, unknown>;
  tempDir: string;
  connection: DuckDBConnection;
  progress(done: number, total: number | undefined, unit: 'rows' | 'bytes'): void;
  querySource(source: string, sql: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** Counts bad rows and keeps the first few. */
export class BadRowCollector {
  readonly summary: BadRowSummary = { count: 0, first: [] };
  add(row: BadRow): void {
    this.summary.count++;
    if (this.summary.first.length < MAX_REPORTED_BAD_ROWS) this.summary.first.push({ ...row });
  }
}

/** One JS value into the appender: through the column's own type where that is exact, else as text DuckDB casts. */
function appendOne(appender: DuckDBAppender, typeId: DuckDBTypeId, value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (typeof value === 'boolean' || (typeId === DuckDBTypeId.BOOLEAN && typeof value === 'number'))
    typeId === DuckDBTypeId.BOOLEAN ? appender.appendBoolean(Boolean(value)) : appender.appendVarchar(String(value));
  else if (typeof value === 'number' && typeId === DuckDBTypeId.DOUBLE) appender.appendDouble(value);
  else if (value instanceof Date) appender.appendVarchar(value.toISOString());
  else if (typeof value === 'bigint') appender.appendVarchar(value.toString());
  else if (typeof value === 'object') appender.appendVarchar(JSON.stringify(value));
  else appender.appendVarchar(String(value));
}

/** Appends batches to an existing table; a row of the wrong width or an unconvertible value fails the load. */
export async function appendBatches(
  connection: DuckDBConnection,
  source: string,
  table: string,
  batches: AsyncIterable<RowBatch>,
  onRows?: (done: number) => void,
): Promise<number> {
  const appender = await connection.createAppender(table);
  const width = appender.columnCount;
  const types = Array.from({ length: width }, (_, i) => appender.columnType(i).typeId);
  let done = 0;
  try {
    for await (const batch of batches) {
      for (const row of batch.rows) {
        if (row.length !== width)
          throw new VitrinaError(
            'QUERY_FAILED',
            `source '${source}': row ${done + 1} of table '${table}' has ${row.length} values, the table has ${width} columns`,
          );
        try {
          for (let c = 0; c < width; c++) appendOne(appender, types[c] as DuckDBTypeId, row[c]);
          appender.endRow();
        } catch (error) {
          throw new VitrinaError('QUERY_FAILED', `source '${source}': row ${done + 1} of table '${table}': ${(error as Error).message}`, {
            cause: error,
          });
        }
        done++;
      }
      onRows?.(done);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return done;
}

export function extractTarget(options: TargetOptions, bad: BadRowCollector): ExtractTarget {
  const { connection } = options;
  return {
    mode: options.mode,
    state: options.state,
    tempDir: options.tempDir,
    async run(sql, params) {
      await connection.run(sql, params ? bindValues(params) : undefined);
    },
    async all(sql, params) {
      return rowObjects(await connection.runAndReadAll(sql, params ? bindValues(params) : undefined));
    },
    append(table, batches) {
      return appendBatches(connection, options.source, table, batches, (done) => options.progress(done, undefined, 'rows'));
    },
    progress: (done, total, unit = 'rows') => options.progress(done, total, unit),
    badRow: (row) => bad.add(row),
    querySource: options.querySource,
  };
}
