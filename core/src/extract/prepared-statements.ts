/**
 * @module Prepared statements kept per pooled DuckDB connection. A dashboard asks the same few
 * compiled queries again and again with new parameter values; DuckDB's parse + plan of one of them
 * costs about 0.8 ms here, a visible share of a 10 ms query on an extract. A connection is leased
 * to one query at a time, so its statements are never bound concurrently.
 */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';

/** Statements kept per connection; the least recently used one is destroyed beyond it. */
export const MAX_STATEMENTS_PER_CONNECTION = 64;

const byConnection = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

/** Runs `sql` with `values` through the connection's prepared statement for it (prepared on first use). */
export async function runPrepared(connection: DuckDBConnection, sql: string, values: DuckDBValue[]): Promise<DuckDBResultReader> {
  let statements = byConnection.get(connection);
  if (!statements) {
    statements = new Map();
    byConnection.set(connection, statements);
  }
  let statement = statements.get(sql);
  if (statement) statements.delete(sql);
  else {
    statement = await connection.prepare(sql);
    if (statements.size >= MAX_STATEMENTS_PER_CONNECTION) {
      const [oldest, evicted] = statements.entries().next().value as [string, DuckDBPreparedStatement];
      statements.delete(oldest);
      evicted.destroySync();
    }
  }
  // Re-inserted last: the Map's order is the recency order.
  statements.set(sql, statement);
  // A statement keeps its last values: a short list must fail as a fresh run would, not reuse them.
  if (values.length !== statement.parameterCount)
    throw new Error(`the query has ${statement.parameterCount} parameter(s) but ${values.length} value(s) were given`);
  statement.clearBindings();
  if (values.length > 0) statement.bind(values);
  return statement.runAndReadAll();
}

/** Statements cached for a connection (for tests of the bound). */
export function preparedCount(connection: DuckDBConnection): number {
  return byConnection.get(connection)?.size ?? 0;
}
