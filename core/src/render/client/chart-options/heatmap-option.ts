/**
 * @module Heatmap: second dimension across (e.g. hour of day), first down (e.g. weekday, Monday on
 * top), the measure as colour with a visualMap legend. Cyclic parts get their full range so an
 * empty Sunday still shows as a row.
 */
import type { EChartsOption } from 'echarts';
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { columnRoles, numeric } from '../model/column-roles.js';
import { bucketOf, formatCell, formatTick } from '../model/format-cell.js';
import { baseOption, type ChartSpec } from './base-option.js';
import { tooltipHeader, tooltipLine } from './escape-html.js';

function axisValues(result: PanelResult, index: number): unknown[] {
  const column = result.columns[index] as ResultColumn;
  const present = [...new Map(result.rows.map((row) => [JSON.stringify(row[index]), row[index]])).values()];
  const numbers = present.every((v) => typeof v === 'number');
  if (bucketOf(column) === 'weekday') return [1, 2, 3, 4, 5, 6, 7];
  if (numbers && bucketOf(column) === 'hour_of_day' && present.length) {
    const min = Math.min(...(present as number[]));
    const max = Math.max(...(present as number[]));
    return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  }
  return numbers ? (present as number[]).sort((a, b) => a - b) : present;
}

export function heatmapOption(result: PanelResult, ctx: ChartContext): ChartSpec {
  const roles = columnRoles(result);
  const [yIdx = 0, xIdx = 1] = roles.dimensions;
  const measure = roles.measures[0];
  const ys = axisValues(result, yIdx);
  const xs = axisValues(result, xIdx);
  const yColumn = result.columns[yIdx] as ResultColumn;
  const xColumn = result.columns[xIdx] as ResultColumn;
  const position = (values: unknown[], v: unknown) => values.findIndex((x) => JSON.stringify(x) === JSON.stringify(v));
  const data = result.rows.map((row, r) => [
    position(xs, row[xIdx]),
    position(ys, row[yIdx]),
    measure ? numeric(row[measure.index]) : null,
    r,
  ]);
  const values = data.map((d) => d[2]).filter((v): v is number => typeof v === 'number');
  const option: EChartsOption = {
    ...baseOption(ctx),
    grid: { left: 8, right: 8, top: 8, bottom: 80, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: xs.map((v) => formatCell(v, xColumn, ctx, true)),
      splitArea: { show: true },
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'category', data: ys.map((v) => formatCell(v, yColumn, ctx, true)), inverse: true, splitArea: { show: true } },
    visualMap: {
      // Each datum carries its row index last (for the tooltip); colour must read the value.
      dimension: 2,
      min: Math.min(0, ...values),
      max: Math.max(1, ...values),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#eef4fb', '#8fb8e8', '#1f5fb4'] },
      formatter: (v: unknown) => formatTick(Number(v), measure?.column, ctx),
    },
    series: [
      { type: 'heatmap', name: measure?.column.label ?? '', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } },
    ],
  };
  option.tooltip = {
    ...(option.tooltip as object),
    trigger: 'item',
    formatter: (raw: unknown) => {
      const p = raw as { value: unknown[]; marker?: string };
      const row = result.rows[Number(p.value[3])];
      if (!row || !measure) return '';
      const header = `${formatCell(row[yIdx], yColumn, ctx)}, ${formatCell(row[xIdx], xColumn, ctx)}`;
      return `${tooltipHeader(header)}${tooltipLine(p.marker, measure.column.label ?? measure.column.name, formatCell(row[measure.index], measure.column, ctx))}`;
    },
  };
  return { option };
}
