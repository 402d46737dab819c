/**
 * @module Pivot: long rows (row dimensions, column dimension, measures) become one row per
 * row-dimension value with a column per column-dimension value.
 */
import type { ResultColumn, ResultSet } from '../result/result-set.js';

export function pivotShape(long: ResultSet, rowDims: number, measures: string[]): ResultSet {
  const across: unknown[] = [];
  const seen = new Set<string>();
  for (const row of long.rows) {
    const key = JSON.stringify(row[rowDims]);
    if (!seen.has(key)) {
      seen.add(key);
      across.push(row[rowDims]);
    }
  }
  across.sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : String(a) < String(b) ? -1 : 1));
  const columnName = (value: unknown, measure: string) => (measures.length > 1 ? `${String(value)} · ${measure}` : String(value));
  const columns: ResultColumn[] = [...long.columns.slice(0, rowDims)];
  for (const value of across) {
    for (const m of measures) {
      const base = long.columns.find((c) => c.name === m) as ResultColumn;
      columns.push({ ...base, name: columnName(value, m) });
    }
  }
  const rows = new Map<string, unknown[]>();
  for (const row of long.rows) {
    const key = JSON.stringify(row.slice(0, rowDims));
    let out = rows.get(key);
    if (!out) {
      out = [...row.slice(0, rowDims), ...new Array(across.length * measures.length).fill(null)];
      rows.set(key, out);
    }
    const at = across.findIndex((v) => JSON.stringify(v) === JSON.stringify(row[rowDims]));
    measures.forEach((_, i) => {
      (out as unknown[])[rowDims + at * measures.length + i] = row[rowDims + 1 + i];
    });
  }
  return { columns, rows: [...rows.values()] };
}
