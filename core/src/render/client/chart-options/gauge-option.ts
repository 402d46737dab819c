/**
 * @module Gauge: plan attainment when the result has one (coloured red < 80% ≤ amber < 100% ≤ green,
 * mirrored for measures where down is good), otherwise the measure itself on a 0–100% or a rounded
 * scale.
 */
import type { EChartsOption, GaugeSeriesOption } from 'echarts';
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { columnRoles, numeric } from '../model/column-roles.js';
import { formatCell } from '../model/format-cell.js';
import { baseOption, type ChartSpec } from './base-option.js';

const RED = '#d64545';
const AMBER = '#e0a030';
const GREEN = '#2e9e5b';

/** 3.7 → 5, 42 → 50, 730 → 1000: a scale end a person would draw. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

export function gaugeOption(result: PanelResult, ctx: ChartContext): ChartSpec {
  const roles = columnRoles(result);
  const measure = roles.measures[0];
  const row = result.rows[0] ?? [];
  const percentColumn: ResultColumn = { name: 'attainment', type: 'number', format: 'percent' };
  const attainmentAt = measure?.companions.attainment;
  const planned = attainmentAt !== undefined && numeric(row[attainmentAt]) !== null;
  const column = planned ? percentColumn : (measure?.column ?? percentColumn);
  const value = numeric(row[planned ? (attainmentAt as number) : (measure?.index ?? -1)]) ?? 0;
  const max = planned || column.format === 'percent' ? Math.max(planned ? 1.2 : 1, Math.ceil(value * 5) / 5) : niceCeiling(value);
  const down = ctx.goodWhen?.[measure?.column.name ?? ''] === 'down';
  // Attainment colours the bar: red below 80% of plan, amber below 100%, green from 100% (mirrored when down is good).
  const tone = down ? (value <= 1 ? GREEN : value <= 1.2 ? AMBER : RED) : value >= 1 ? GREEN : value >= 0.8 ? AMBER : RED;
  let caption = measure?.column.label ?? '';
  if (planned && measure) {
    const target = measure.companions.target;
    const plan = target === undefined ? '' : ` / ${ctx.t('plan')} ${formatCell(row[target], result.columns[target] as ResultColumn, ctx)}`;
    caption = `${formatCell(row[measure.index], measure.column, ctx)}${plan}`;
    const runRate = measure.companions.runRateAttainment;
    if (runRate !== undefined && numeric(row[runRate]) !== null)
      caption += `\n${ctx.t('runRate')}: ${formatCell(row[runRate], percentColumn, ctx)}`;
  }
  // A half dial: it reads at KPI-card height (~160px) where a full circle leaves no room for text.
  const series: GaugeSeriesOption = {
    type: 'gauge',
    min: 0,
    max,
    radius: '135%',
    center: ['50%', '76%'],
    startAngle: 180,
    endAngle: 0,
    splitNumber: 2,
    progress: { show: true, width: 14, ...(planned ? { itemStyle: { color: tone } } : {}) },
    pointer: { show: false },
    axisLine: { lineStyle: { width: 14 } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    anchor: { show: false },
    detail: {
      valueAnimation: false,
      fontSize: 22,
      fontWeight: 600,
      offsetCenter: [0, '-22%'],
      formatter: () => formatCell(value, column, ctx),
    },
    title: { offsetCenter: [0, '16%'], fontSize: 11, lineHeight: 14 },
    data: [{ value, name: caption }],
  };
  // Radius is a share of the shorter side: on a tall box (a phone) the dial would overflow the width.
  const option: EChartsOption = {
    baseOption: { ...baseOption(ctx), tooltip: { show: false }, series: [series] },
    media: [{ query: { maxAspectRatio: 1.35 }, option: { series: [{ radius: '90%', center: ['50%', '66%'] }] } }],
  };
  return { option };
}
