/**
 * @module Plan vs actual: monthly plan rows prorated to the period by overlapping days, matched to
 * the panel's rows by shared dimensions; attainment and a run-rate projection to period end.
 */
import type { ResolvedPeriod } from '../query/period.js';
import type { QueryPlan } from '../query/query-plan.js';
import type { ResultColumn, ResultSet } from '../result/result-set.js';
import { addMonths, daysBetween } from '../util/calendar-date.js';
import { rowKey } from './row-key.js';

/** Share of the month starting at `month` that lies inside the period. */
export function monthOverlap(month: string, period: ResolvedPeriod): number {
  const start = `${month.slice(0, 7)}-01`;
  const end = addMonths(start, 1);
  // ISO dates order as strings.
  const from = [start, period.start].sort()[1] as string;
  const to = [end, period.end].sort()[0] as string;
  const days = daysBetween(from, to);
  return days <= 0 ? 0 : days / daysBetween(start, end);
}

/**
 * `planRows` are grouped by the panel's dimensions (same order, time buckets at the panel's grain)
 * followed by the plan's month and the plan measure. Returns target per panel-row key.
 */
export function proratedTargets(planRows: ResultSet, dims: number, period: ResolvedPeriod | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of planRows.rows) {
    const month = row[dims] as string | null;
    const value = row[dims + 1];
    if (typeof value !== 'number') continue;
    const weight = period && month ? monthOverlap(month, period) : 1;
    const key = rowKey(row, dims);
    out.set(key, (out.get(key) ?? 0) + value * weight);
  }
  return out;
}

export function mergeTarget(
  current: ResultSet,
  plan: QueryPlan,
  measure: string,
  targets: Map<string, number>,
  runRateShare: number | undefined,
): ResultSet {
  const dims = plan.dimensions.length;
  const at = plan.measures.indexOf(measure);
  const base = current.columns.find((c) => c.name === measure) as ResultColumn;
  const columns: ResultColumn[] = [
    ...current.columns,
    { ...base, name: `${measure}_target`, type: 'number' },
    { name: `${measure}_attainment`, type: 'number', role: 'measure', format: 'percent' },
  ];
  const projecting = runRateShare !== undefined;
  if (projecting)
    columns.push(
      { ...base, name: `${measure}_run_rate`, type: 'number' },
      { name: `${measure}_run_rate_attainment`, type: 'number', role: 'measure', format: 'percent' },
    );
  const rows = current.rows.map((row) => {
    const value = row[dims + at];
    const target = targets.get(rowKey(row, dims)) ?? null;
    const ratio = (v: unknown) => (typeof v === 'number' && target ? v / target : null);
    const extra: unknown[] = [target, ratio(value)];
    if (projecting) {
      const projected = typeof value === 'number' && (runRateShare as number) > 0 ? value / (runRateShare as number) : null;
      extra.push(projected, ratio(projected));
    }
    return [...row, ...extra];
  });
  return { columns, rows };
}
