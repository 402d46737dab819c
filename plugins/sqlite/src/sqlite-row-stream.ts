/**
 * @module A query's rows in batches from a connection of its own: better-sqlite3 reads a statement
 * row by row (`iterate`), and only as fast as the consumer takes batches, so an export of a
 * million rows holds one batch at a time. The connection is separate because a connection with an
 * open iterator runs nothing else: the dashboard's queries go on meanwhile. WAL readers see one
 * snapshot for the whole stream.
 */
import type { RowBatch, StreamOptions } from '@vitrina/core/connector';
import type Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

export async function* sqliteRowStream(
  open: () => Database.Database,
  compiled: CompiledQuery,
  options: StreamOptions,
): AsyncGenerator<RowBatch> {
  const batchRows = Math.max(1, options.batchRows ?? 1000);
  const db = open();
  let rows: IterableIterator<unknown> | undefined;
  try {
    // Raw rows (arrays): no object per row, the columns named once.
    const statement = db.prepare(compiled.sql).raw(true);
    const columns = statement.columns().map((c) => c.name);
    rows = statement.iterate(compiled.parameters as unknown[]);
    let batch: unknown[][] = [];
    for (const row of rows) {
      batch.push(row as unknown[]);
      if (batch.length < batchRows) continue;
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('the query was cancelled');
      yield { columns, rows: batch };
      batch = [];
    }
    if (batch.length) yield { columns, rows: batch };
  } finally {
    // Closing the iterator finalises the statement; then the connection can close.
    rows?.return?.();
    db.close();
  }
}
