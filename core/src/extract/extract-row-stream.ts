/**
 * @module A query on an extract, read in DuckDB's chunks (about 2,048 rows) as the consumer asks
 * for them: DuckDB's streaming result keeps the rest unread, so an export's memory stays flat.
 * Values convert exactly as in `rowObjects` (BIGINT → number, DATE → text…).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledQuery } from 'kysely';
import type { RowBatch, StreamOptions } from '../connector/connector-types.js';
import { bindValues, type Convert, converterFor } from './duckdb-values.js';

export async function* extractRowStream(
  connection: DuckDBConnection,
  compiled: CompiledQuery,
  options: StreamOptions,
): AsyncGenerator<RowBatch> {
  const stop = () => connection.interrupt();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const result = await connection.stream(compiled.sql, bindValues(compiled.parameters));
    const columns = result.deduplicatedColumnNames();
    const converters = result.columnTypes().map((t) => converterFor(t.typeId));
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const rows = chunk.getRows() as unknown[][];
      for (const row of rows)
        for (let c = 0; c < converters.length; c++) {
          const value = row[c];
          row[c] = value === null || value === undefined ? null : (converters[c] as Convert)(value as never);
        }
      yield { columns, rows };
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
