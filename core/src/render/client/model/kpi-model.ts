/**
 * @module What a KPI card says: the value, its change against each comparison (arrow by sign,
 * colour by whether that change is good for this measure), plan attainment and run-rate.
 */
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from './chart-context.js';
import { columnRoles, numeric } from './column-roles.js';
import { formatCell } from './format-cell.js';

export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiDelta {
  /** "▲ 2.9%" */
  text: string;
  /** The absolute change and the earlier value, for the title attribute. */
  detail: string;
  against: string;
  direction: 'up' | 'down' | 'flat';
  tone: Tone;
}

export interface KpiModel {
  label: string;
  value: string;
  deltas: KpiDelta[];
  attainment?: { text: string; tone: Tone };
  runRate?: string;
}

const PERCENT: ResultColumn = { name: 'pct', type: 'number', format: 'percent' };

export function toneOf(change: number, goodWhen: 'up' | 'down' = 'up'): Tone {
  if (change === 0) return 'neutral';
  return change > 0 === (goodWhen === 'up') ? 'good' : 'bad';
}

export function kpiModel(result: PanelResult, ctx: ChartContext): KpiModel | null {
  const roles = columnRoles(result);
  const measure = roles.measures[0];
  const row = result.rows[0];
  if (!measure || !row) return null;
  const goodWhen = ctx.goodWhen?.[measure.column.name] ?? 'up';
  const cell = (i: number | undefined, column?: ResultColumn) =>
    i === undefined ? '' : formatCell(row[i], column ?? (result.columns[i] as ResultColumn), ctx);
  const deltas: KpiDelta[] = [];
  const pairs = [
    [measure.companions.delta, measure.companions.deltaPct, measure.companions.previous, ctx.t('vsPrevious')],
    [measure.companions.yoyDelta, measure.companions.yoyDeltaPct, measure.companions.lastYear, ctx.t('vsLastYear')],
  ] as const;
  for (const [deltaAt, pctAt, earlierAt, against] of pairs) {
    const change = numeric(row[deltaAt ?? -1]);
    if (deltaAt === undefined || change === null) continue;
    const pct = numeric(row[pctAt ?? -1]);
    const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    // Percent measures change in points: "▲ 1.2 pp" would need a unit the engine does not give, so show the relative change when there is one.
    const amount =
      pct !== null ? formatCell(Math.abs(pct), PERCENT, ctx) : formatCell(Math.abs(change), result.columns[deltaAt] as ResultColumn, ctx);
    const signed = `${change > 0 ? '+' : change < 0 ? '−' : ''}${formatCell(Math.abs(change), result.columns[deltaAt] as ResultColumn, ctx)}`;
    deltas.push({
      text: `${arrow} ${amount}`,
      detail: earlierAt === undefined ? signed : `${signed} (${cell(earlierAt)})`,
      against,
      direction,
      tone: toneOf(change, goodWhen),
    });
  }
  const model: KpiModel = { label: measure.column.label ?? measure.column.name, value: cell(measure.index), deltas };
  const attainment = numeric(row[measure.companions.attainment ?? -1]);
  if (attainment !== null) {
    const tone: Tone = goodWhen === 'up' ? (attainment >= 1 ? 'good' : 'bad') : attainment <= 1 ? 'good' : 'bad';
    model.attainment = { text: `${formatCell(attainment, PERCENT, ctx)} ${ctx.t('ofPlan')}`, tone };
  }
  const runRate = numeric(row[measure.companions.runRateAttainment ?? -1]);
  if (runRate !== null) model.runRate = `${ctx.t('runRate')}: ${formatCell(runRate, PERCENT, ctx)} ${ctx.t('ofPlan')}`;
  return model;
}
