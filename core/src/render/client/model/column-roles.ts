/**
 * @module Reads a panel result's columns: which are dimensions, which are the measures the
 * definition asked for, and which were added beside a measure by the shapes (previous period,
 * last year, deltas, plan, attainment, run-rate — see shape/compare-periods and target-shape).
 * Charts draw the measures (and, for one measure, its comparison lines); tooltips show the rest.
 */
import type { ResultColumn, ResultSet } from '../../../result/result-set.js';

/** Longest first, so `_yoy_delta_pct` is not read as `_delta_pct` of a measure named `x_yoy`. */
const COMPANIONS = [
  ['runRateAttainment', '_run_rate_attainment'],
  ['yoyDeltaPct', '_yoy_delta_pct'],
  ['attainment', '_attainment'],
  ['yoyDelta', '_yoy_delta'],
  ['deltaPct', '_delta_pct'],
  ['lastYear', '_last_year'],
  ['previous', '_previous'],
  ['runRate', '_run_rate'],
  ['target', '_target'],
  ['delta', '_delta'],
] as const;

export type CompanionKind = (typeof COMPANIONS)[number][0];

export interface MeasureColumns {
  index: number;
  column: ResultColumn;
  /** Column index of each companion present. */
  companions: Partial<Record<CompanionKind, number>>;
}

export interface ColumnRoles {
  dimensions: number[];
  measures: MeasureColumns[];
  /** Indexes of companion columns (not drawn as their own series). */
  companionIndexes: Set<number>;
}

function isDimension(column: ResultColumn, index: number): boolean {
  if (column.role) return column.role === 'dimension';
  // Results without roles (older JSON): text and dates lead, numbers follow.
  return index === 0 || column.type === 'string' || column.type === 'date' || column.type === 'timestamp';
}

export function columnRoles(set: ResultSet): ColumnRoles {
  const names = new Map(set.columns.map((c, i) => [c.name, i]));
  const dimensions: number[] = [];
  const companionOf = new Map<number, [number, CompanionKind]>();
  set.columns.forEach((column, i) => {
    if (isDimension(column, i)) {
      dimensions.push(i);
      return;
    }
    for (const [kind, suffix] of COMPANIONS) {
      if (!column.name.endsWith(suffix)) continue;
      const base = names.get(column.name.slice(0, -suffix.length));
      if (base !== undefined && base !== i && !isDimension(set.columns[base] as ResultColumn, base)) {
        companionOf.set(i, [base, kind]);
        break;
      }
    }
  });
  const measures: MeasureColumns[] = [];
  set.columns.forEach((column, index) => {
    if (!dimensions.includes(index) && !companionOf.has(index)) measures.push({ index, column, companions: {} });
  });
  for (const [i, [base, kind]] of companionOf) {
    const m = measures.find((x) => x.index === base);
    if (m) m.companions[kind] = i;
  }
  return { dimensions, measures, companionIndexes: new Set(companionOf.keys()) };
}

/** Number or null: JSON results may carry BIGINT counts as strings (DuckDB). */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return null;
}
