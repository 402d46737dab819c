/** @module DuckDB column types for the logical types a source reports, and quoting of identifiers. */
import type { ColumnInfo, LogicalType } from '../connector/connector-types.js';

const DUCKDB_TYPES: Record<LogicalType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  // Timestamps are UTC instants without a zone, as in every other source.
  timestamp: 'TIMESTAMP',
  // The json extension may be missing offline; reports only group and count by such columns.
  json: 'VARCHAR',
  unknown: 'VARCHAR',
};

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function createTableSql(table: string, columns: readonly ColumnInfo[]): string {
  const defs = columns.map((c) => `${quoteIdent(c.name)} ${DUCKDB_TYPES[c.type] ?? 'VARCHAR'}`);
  return `create or replace table ${quoteIdent(table)} (${defs.join(', ')})`;
}
