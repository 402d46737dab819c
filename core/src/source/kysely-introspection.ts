/** @module Fallback introspection for SQL sources through Kysely's introspector. */
import type { Kysely } from 'kysely';
import type { LogicalType, TableInfo } from '../connector/connector-types.js';

/** Maps a native type name to a logical type by the usual SQL spellings. */
export function logicalTypeOf(nativeType: string): LogicalType {
  const t = nativeType.toLowerCase();
  if (/bool/.test(t)) return 'boolean';
  if (/interval/.test(t)) return 'string';
  if (/int|serial/.test(t)) return 'integer';
  if (/real|floa|doub|num|dec|money/.test(t)) return 'number';
  if (/timestamp|datetime/.test(t)) return 'timestamp';
  if (/^date$/.test(t)) return 'date';
  if (/json/.test(t)) return 'json';
  if (/char|text|clob|uuid|string|varchar/.test(t)) return 'string';
  return 'unknown';
}

export async function introspectWithKysely(db: Kysely<unknown>): Promise<TableInfo[]> {
  const tables = await db.introspection.getTables();
  return tables.map((table) => ({
    name: table.name,
    schema: table.schema,
    kind: table.isView ? 'view' : 'table',
    columns: table.columns.map((column) => ({
      name: column.name,
      nativeType: column.dataType,
      type: logicalTypeOf(column.dataType),
      nullable: column.isNullable,
      fidelity: 'precise' as const,
    })),
  }));
}
