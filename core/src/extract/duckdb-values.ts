/**
 * @module DuckDB values as the engine's plain values: BIGINT/HUGEINT/DECIMAL → numbers, DATE →
 * 'YYYY-MM-DD', TIMESTAMP → 'YYYY-MM-DD HH:MM:SS' (UTC sessions, so TIMESTAMPTZ reads the same).
 */
import { type DuckDBResultReader, DuckDBTypeId, type DuckDBValue } from '@duckdb/node-api';

export type Convert = (value: DuckDBValue) => unknown;

/** Exact integers become numbers while they are safe; a larger one stays its decimal text (as the pg connector does). */
const bigToNumber: Convert = (v) => {
  const n = Number(v as bigint);
  return Number.isSafeInteger(n) ? n : String(v);
};
const asIs: Convert = (v) => v;
const asNumber: Convert = (v) => Number(v);
const asText: Convert = (v) => String(v);
// The session runs in UTC: a timestamptz prints as '… +00'; fractions of a second are dropped.
const asTimestamp: Convert = (v) => String(v).slice(0, 19);
const asDecimal: Convert = (v) => Number(String(v));

export function converterFor(typeId: DuckDBTypeId): Convert {
  switch (typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return bigToNumber;
    case DuckDBTypeId.DECIMAL:
      return asDecimal;
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return asNumber;
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.VARCHAR:
      return asIs;
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return asTimestamp;
    default:
      // DATE, TIME, INTERVAL, UUID, ENUM, lists…: their text form is what a report shows.
      return asText;
  }
}

/** Rows of a fully read result as plain objects keyed by column name. */
export function rowObjects(reader: DuckDBResultReader): Record<string, unknown>[] {
  const names = reader.deduplicatedColumnNames();
  const converters = reader.columnTypes().map((t) => converterFor(t.typeId));
  const rows = reader.getRows();
  const out: Record<string, unknown>[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as DuckDBValue[];
    const object: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const value = row[c];
      object[names[c] as string] = value === null || value === undefined ? null : (converters[c] as Convert)(value);
    }
    out[r] = object;
  }
  return out;
}

/** Parameters as DuckDB binds them: a Date is an instant (ISO text, which DuckDB casts), undefined is NULL. */
export function bindValues(parameters: readonly unknown[]): DuckDBValue[] {
  return parameters.map((p) => {
    if (p === undefined) return null;
    if (p instanceof Date) return p.toISOString();
    return p as DuckDBValue;
  });
}
