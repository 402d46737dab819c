/**
 * @module Pivot headers and totals. shape/pivot-shape names columns `<value>` or, with several
 * measures, `<value> · <measure>`; the second form becomes two header rows. Totals are added only
 * where summing is honest: every measure column holds counts (integers).
 */
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import { columnRoles, numeric } from './column-roles.js';

export interface HeaderCell {
  text: string;
  span: number;
  /** Column index for leaf cells. */
  column?: number;
}

export interface PivotModel {
  rowHeaders: number[];
  valueColumns: number[];
  /** One or two rows of headers over the value columns. */
  headerRows: HeaderCell[][];
  /** Per row: the row total, or null when totals are not honest. */
  rowTotals: (number | null)[] | null;
  /** Per value column: the column total, plus the grand total last. */
  columnTotals: number[] | null;
}

const SEPARATOR = ' · ';

export function pivotModel(result: PanelResult): PivotModel {
  const roles = columnRoles(result);
  const rowHeaders = roles.dimensions;
  const valueColumns = result.columns.map((_, i) => i).filter((i) => !rowHeaders.includes(i));
  const label = (c: ResultColumn) => c.label ?? c.name;
  const split = valueColumns.map((i) => label(result.columns[i] as ResultColumn).split(SEPARATOR));
  const grouped = split.length > 0 && split.every((parts) => parts.length === 2);
  const headerRows: HeaderCell[][] = [];
  if (grouped) {
    const top: HeaderCell[] = [];
    split.forEach((parts) => {
      const last = top[top.length - 1];
      if (last && last.text === parts[0]) last.span += 1;
      else top.push({ text: parts[0] as string, span: 1 });
    });
    headerRows.push(
      top,
      split.map((parts, k) => ({ text: parts[1] as string, span: 1, column: valueColumns[k] as number })),
    );
  } else headerRows.push(valueColumns.map((i) => ({ text: label(result.columns[i] as ResultColumn), span: 1, column: i })));
  const additive =
    valueColumns.length > 0 &&
    valueColumns.every((i) => result.columns[i]?.type === 'integer') &&
    result.columns.every((c) => c.format !== 'percent');
  if (!additive) return { rowHeaders, valueColumns, headerRows, rowTotals: null, columnTotals: null };
  const sum = (values: unknown[]) => values.reduce<number>((acc, v) => acc + (numeric(v) ?? 0), 0);
  // A row total across "value · measure" columns would add different measures together.
  const rowTotals = grouped ? null : result.rows.map((row) => sum(valueColumns.map((i) => row[i])));
  const columnTotals = valueColumns.map((i) => sum(result.rows.map((row) => row[i])));
  if (rowTotals) columnTotals.push(sum(rowTotals));
  return { rowHeaders, valueColumns, headerRows, rowTotals, columnTotals: result.rows.length > 1 ? columnTotals : null };
}
