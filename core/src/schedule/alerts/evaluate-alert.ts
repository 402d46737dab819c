/**
 * @module Evaluates an alert through the engine: the rule becomes a panel of its report (a KPI
 * with comparison and plan for thresholds, a time series by the grain for trends), run under the
 * alert's scope and parameters, so the numbers are exactly the dashboard's. Trends read only
 * complete periods: the current week or month is never "a decline".
 */
import { scopedViewer, UNRESTRICTED_VIEWER } from '../../access/viewer.js';
import type { PanelDefinition, ParameterDefinition, ReportDefinition } from '../../definition/report-definition.js';
import { ReportEngine } from '../../engine/report-engine.js';
import { VitrinaError } from '../../errors/index.js';
import type { Project } from '../../project/open-project.js';
import { columnIndex, isPanelError, type PanelResult } from '../../result/result-set.js';
import { addDays, addMonths, startOfMonth, startOfWeek } from '../../util/calendar-date.js';
import { localDateOf } from '../../util/time-zone.js';
import { DeliveryError } from '../channels/delivery-channel.js';
import type { AlertConfig, AlertGrain } from '../schedule-types.js';
import { periodsNeeded, thresholdVerdict, trendVerdict } from './alert-conditions.js';

export interface AlertReading {
  fired: boolean;
  reason: string;
  /** The number the condition looked at last (the value, attainment, change or last period). */
  value: number | null;
  /** Trends: the complete periods read, oldest first. */
  series?: { period: string; value: number | null }[];
  /** The report's period parameter and the range that caused it (for the dashboard link). */
  periodParameter?: string;
  range?: string;
  evaluatedAt: string;
}

const RANGE = 'vitrina_alert_range';

function step(date: string, grain: AlertGrain, n: number): string {
  return grain === 'month' ? addMonths(date, n) : addDays(date, grain === 'week' ? 7 * n : n);
}

function currentStart(today: string, grain: AlertGrain, weekStart: 'monday' | 'sunday'): string {
  return grain === 'month' ? startOfMonth(today) : grain === 'week' ? startOfWeek(today, weekStart) : today;
}

function probeReport(def: ReportDefinition, panel: PanelDefinition, extra?: ParameterDefinition): ReportDefinition {
  return { ...def, parameters: [...(def.parameters ?? []), ...(extra ? [extra] : [])], panels: [panel] };
}

async function runProbe(
  project: Project,
  def: ReportDefinition,
  alert: AlertConfig,
  now: Date,
  parameters: Record<string, string>,
): Promise<PanelResult> {
  const engine = new ReportEngine({
    config: { ...project.config, cache: { ...project.config.cache, ttlSeconds: 0 } },
    sources: project.sources,
    reports: () => new Map([[def.id, { file: '(alert)', definition: def }]]),
  });
  const output = await engine.render(def.id, {
    parameters: { ...(alert.parameters ?? {}), ...parameters },
    viewer: alert.scope ? scopedViewer(alert.scope) : UNRESTRICTED_VIEWER,
    now,
  });
  const panel = output.panels[0];
  if (!panel) throw new VitrinaError('INTERNAL', 'alert probe returned no panel');
  if (isPanelError(panel))
    throw new DeliveryError(`alert '${alert.name}' could not be evaluated: ${panel.error.message}`, {
      retryable: true,
      hint: panel.error.hint,
    });
  return panel;
}

export async function evaluateAlert(project: Project, alert: AlertConfig, now: Date): Promise<AlertReading> {
  const def = project.engine.report(alert.report);
  const label = `${alert.measure} (${alert.dataset})`;
  const c = alert.condition;
  const periodParameter = def.parameters?.find((p) => p.type === 'period')?.id;
  const evaluatedAt = now.toISOString();
  if (c.type === 'threshold') {
    const of = c.of ?? 'value';
    const panel: PanelDefinition = {
      id: 'alert',
      type: 'kpi',
      dataset: alert.dataset,
      measure: alert.measure,
      ...(of === 'change' ? { compare: 'previous_period' as const } : {}),
      ...(alert.target && (of === 'attainment' || of === 'run_rate') ? { target: alert.target } : {}),
    };
    const result = await runProbe(project, probeReport(def, panel), alert, now, {});
    const read = (name: string) => {
      const i = columnIndex(result, name);
      const v = i < 0 ? undefined : result.rows[0]?.[i];
      return typeof v === 'number' ? v : i < 0 ? undefined : null;
    };
    const column = {
      value: alert.measure,
      attainment: `${alert.measure}_attainment`,
      run_rate: `${alert.measure}_run_rate_attainment`,
      change: `${alert.measure}_delta_pct`,
    }[of];
    // A finished period has no run-rate: its attainment is the run-rate.
    const value = read(column) ?? (of === 'run_rate' ? read(`${alert.measure}_attainment`) : undefined) ?? null;
    const names = {
      value: label,
      attainment: `${label} attainment of plan`,
      run_rate: `${label} run-rate attainment of plan`,
      change: `${label} change vs previous period`,
    };
    const range = periodParameter
      ? String(alert.parameters?.[periodParameter] ?? def.parameters?.find((p) => p.id === periodParameter)?.default ?? '')
      : undefined;
    return { ...thresholdVerdict(names[of], value, c), value, periodParameter, range: range || undefined, evaluatedAt };
  }
  const timezone = project.config.timezone ?? 'UTC';
  const weekStart = project.config.weekStart ?? 'monday';
  const n = periodsNeeded(c);
  const end = currentStart(localDateOf(now, timezone), c.grain, weekStart);
  const start = step(end, c.grain, -n);
  const range = `${start}..${addDays(end, -1)}`;
  const panel: PanelDefinition = {
    id: 'alert',
    type: 'line',
    dataset: alert.dataset,
    dimensions: [`time:${c.grain}`],
    measures: [alert.measure],
    period: `$${RANGE}`,
  };
  const result = await runProbe(project, probeReport(def, panel, { id: RANGE, type: 'period', default: range }), alert, now, {
    [RANGE]: range,
  });
  const bucket = result.columns.findIndex((col) => col.role === 'dimension');
  const measure = columnIndex(result, alert.measure);
  const byPeriod = new Map(result.rows.map((r) => [String(r[bucket]).slice(0, 10), r[measure]]));
  const agg = def.datasets[alert.dataset]?.measures?.[alert.measure]?.agg;
  // A period without rows counted nothing: zero for counts and sums, unknown for averages and ratios.
  const empty = agg === 'count' || agg === 'sum' || agg === 'count_distinct' ? 0 : null;
  const series = Array.from({ length: n }, (_, i) => {
    const period = step(start, c.grain, i);
    const v = byPeriod.get(period);
    return { period, value: typeof v === 'number' ? v : v === undefined ? empty : null };
  });
  const verdict = trendVerdict(
    label,
    c,
    series.map((s) => s.value),
  );
  return { ...verdict, value: series.at(-1)?.value ?? null, series, periodParameter, range, evaluatedAt };
}
