/**
 * @module How this connector reads PostgreSQL values: set on its own pool (never on pg's global
 * parsers, which other code in the process may rely on).
 */
import pg, { type CustomTypesConfig } from 'pg';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;

/**
 * bigint (`count(*)`, `sum` of integers) as a number while it is exact (|n| ≤ 2^53 − 1, about
 * 9·10^15); a larger value stays the exact decimal string, so a big id never collides with its
 * neighbour (the core turns string measures into numbers itself).
 */
function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/**
 * numeric/decimal as a JavaScript number (an IEEE double): exact for up to 15 significant digits,
 * e.g. money sums below 10^13 with two decimals; beyond that it is the nearest double, like a
 * spreadsheet. `NaN` and `±Infinity` (PostgreSQL 14+) come through as such and the core shows
 * them as empty.
 */
function parseNumeric(text: string): number {
  return Number(text);
}

/**
 * `timestamp without time zone` is read as UTC, as the core's SQLite flavour reads stored text:
 * pg's default would read it in the Node process's own zone, making results depend on the host.
 * `infinity` and BC dates stay text.
 */
function parseTimestamp(text: string): Date | string {
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

const parsers = new Map<number, (text: string) => unknown>([
  [INT8, parseInt8],
  [NUMERIC, parseNumeric],
  // A calendar date has no time zone: keep 'YYYY-MM-DD' rather than a Date at local midnight.
  [DATE, (text) => text],
  [TIMESTAMP, parseTimestamp],
]);

/** The `types` option of the pool: our parsers for text results, pg's defaults otherwise. */
export const postgresTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && parsers.has(oid)
      ? parsers.get(oid)
      : pg.types.getTypeParser(oid, format as 'text')) as CustomTypesConfig['getTypeParser'],
};
