/** @module Adds previous-period and last-year values, deltas and delta % to a result set. */
import type { Comparison } from '../definition/report-definition.js';
import type { QueryPlan } from '../query/query-plan.js';
import type { ResultColumn, ResultSet } from '../result/result-set.js';
import { rowKey, shiftBucket } from './row-key.js';

export const COMPARISON_SUFFIX: Record<Comparison, { value: string; delta: string; pct: string }> = {
  previous_period: { value: '_previous', delta: '_delta', pct: '_delta_pct' },
  previous_year: { value: '_last_year', delta: '_yoy_delta', pct: '_yoy_delta_pct' },
};

export function delta(current: unknown, previous: unknown): { delta: number | null; pct: number | null } {
  if (typeof current !== 'number' || typeof previous !== 'number') return { delta: null, pct: null };
  return { delta: current - previous, pct: previous === 0 ? null : (current - previous) / Math.abs(previous) };
}

/**
 * Appends, for each measure m: m_previous, m_delta, m_delta_pct (or _last_year, _yoy_delta,
 * _yoy_delta_pct). Earlier rows are matched by dimension values, time buckets shifted forward.
 */
export function mergeComparison(
  current: ResultSet,
  earlier: ResultSet,
  plan: QueryPlan,
  kind: Comparison,
  shift: { unit: 'day' | 'month'; amount: number },
  weekStart: 'monday' | 'sunday',
): ResultSet {
  const dims = plan.dimensions.length;
  const byKey = new Map<string, unknown[]>();
  for (const row of earlier.rows) {
    const shifted = row.map((v, i) =>
      i < dims ? shiftBucket(v, plan.dimensions[i] as (typeof plan.dimensions)[number], shift, weekStart) : v,
    );
    byKey.set(rowKey(shifted, dims), row);
  }
  const suffix = COMPARISON_SUFFIX[kind];
  const columns: ResultColumn[] = [...current.columns];
  for (const m of plan.measures) {
    const base = current.columns.find((c) => c.name === m) as ResultColumn;
    columns.push(
      { ...base, name: `${m}${suffix.value}` },
      { ...base, name: `${m}${suffix.delta}`, type: 'number' },
      { name: `${m}${suffix.pct}`, type: 'number', role: 'measure', format: 'percent' },
    );
  }
  const additive = plan.measures.map((m) => ['count', 'count_distinct', 'sum'].includes(plan.dataset.measures?.[m]?.agg ?? ''));
  const rows = current.rows.map((row) => {
    const before = byKey.get(rowKey(row, dims));
    const extra: unknown[] = [];
    plan.measures.forEach((_, i) => {
      const now = row[dims + i];
      // A group with no rows back then had a count or a sum of 0; an average or a ratio had no value.
      const then = before ? (before[dims + i] ?? null) : additive[i] ? 0 : null;
      const d = delta(now, then);
      extra.push(then, d.delta, d.pct);
    });
    return [...row, ...extra];
  });
  return { columns, rows };
}
