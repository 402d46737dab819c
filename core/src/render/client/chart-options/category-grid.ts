/**
 * @module Lays a result out as categories (first dimension, in the result's order — the engine
 * already sorted it) × series (measures, or values of a second dimension), with the row behind
 * every cell so tooltips can show the row's other columns.
 */
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { type ColumnRoles, type CompanionKind, columnRoles, type MeasureColumns, numeric } from '../model/column-roles.js';
import { formatCell } from '../model/format-cell.js';

export interface SeriesSpec {
  name: string;
  /** Column the values come from (its format drives ticks and tooltips). */
  column: ResultColumn;
  valueIndex: number;
  measure: MeasureColumns;
  /** Main series, or a comparison drawn beside it. */
  kind: 'main' | CompanionKind;
  /** Value of the second dimension this series stands for. */
  split?: unknown;
  data: (number | null)[];
  /** Row index per category, or -1. */
  rows: number[];
}

export interface CategoryGrid {
  roles: ColumnRoles;
  categoryColumn?: ResultColumn;
  /** Stored values, for drill-down. */
  categories: unknown[];
  shortLabels: string[];
  longLabels: string[];
  series: SeriesSpec[];
}

const DRAWN_COMPANIONS: CompanionKind[] = ['previous', 'lastYear', 'target'];

const key = (v: unknown) => JSON.stringify(v ?? null);

export function categoryGrid(result: PanelResult, ctx: ChartContext, title = ''): CategoryGrid {
  const roles = columnRoles(result);
  const [catIdx, splitIdx] = roles.dimensions;
  const categories: unknown[] = [];
  const splits: unknown[] = [];
  const at = new Map<string, number>();
  const seenCat = new Set<string>();
  const seenSplit = new Set<string>();
  result.rows.forEach((row, r) => {
    const c = catIdx === undefined ? title : row[catIdx];
    const s = splitIdx === undefined ? null : row[splitIdx];
    if (!seenCat.has(key(c))) {
      seenCat.add(key(c));
      categories.push(c);
    }
    if (splitIdx !== undefined && !seenSplit.has(key(s))) {
      seenSplit.add(key(s));
      splits.push(s);
    }
    at.set(`${key(c)}|${key(s)}`, r);
  });
  const categoryColumn = catIdx === undefined ? undefined : result.columns[catIdx];
  const label = (v: unknown, short: boolean) => (categoryColumn ? formatCell(v, categoryColumn, ctx, short) : String(v));
  const fill = (valueIndex: number, split: unknown) => {
    const rows = categories.map((c) => at.get(`${key(c)}|${key(split)}`) ?? -1);
    return { rows, data: rows.map((r) => (r < 0 ? null : numeric(result.rows[r]?.[valueIndex]))) };
  };
  const series: SeriesSpec[] = [];
  const first = roles.measures[0];
  if (splitIdx !== undefined && first) {
    const splitColumn = result.columns[splitIdx] as ResultColumn;
    for (const s of splits)
      series.push({
        name: formatCell(s, splitColumn, ctx),
        column: first.column,
        valueIndex: first.index,
        measure: first,
        kind: 'main',
        split: s,
        ...fill(first.index, s),
      });
  } else {
    for (const m of roles.measures) {
      series.push({
        name: m.column.label ?? m.column.name,
        column: m.column,
        valueIndex: m.index,
        measure: m,
        kind: 'main',
        ...fill(m.index, null),
      });
      // Comparison series only for a single measure: three measures × three comparisons is noise.
      if (roles.measures.length !== 1) continue;
      for (const kind of DRAWN_COMPANIONS) {
        const i = m.companions[kind];
        if (i === undefined) continue;
        const column = result.columns[i] as ResultColumn;
        series.push({ name: column.label ?? column.name, column, valueIndex: i, measure: m, kind, ...fill(i, null) });
      }
    }
  }
  return {
    roles,
    ...(categoryColumn ? { categoryColumn } : {}),
    categories,
    shortLabels: categories.map((c) => label(c, true)),
    longLabels: categories.map((c) => label(c, false)),
    series,
  };
}
