/**
 * @module Line, area, bar and stacked bar options. Bars keep the result's order (the engine sorted
 * them); horizontal bars read top-down. Percent measures beside money or counts get their own axis.
 */
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { formatCell, formatTick } from '../model/format-cell.js';
import { baseOption, type ChartSpec, legendOption, OTHER_COLOR } from './base-option.js';
import { type CategoryGrid, categoryGrid, type SeriesSpec } from './category-grid.js';
import type { ChartView } from './chart-view.js';
import { tooltipHeader, tooltipLine } from './escape-html.js';

function valueAxis(column: ResultColumn | undefined, ctx: ChartContext, secondary: boolean) {
  return {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => formatTick(v, column, ctx), hideOverlap: true },
    splitLine: { show: !secondary },
  };
}

function axisTooltip(grid: CategoryGrid, result: PanelResult, ctx: ChartContext) {
  return (raw: unknown): string => {
    const params = (Array.isArray(raw) ? raw : [raw]) as { seriesIndex: number; dataIndex: number; marker?: string }[];
    const first = params[0];
    if (!first) return '';
    const lines = [tooltipHeader(grid.longLabels[first.dataIndex] ?? '')];
    for (const p of params) {
      const s = grid.series[p.seriesIndex];
      if (!s) continue;
      const row = result.rows[s.rows[p.dataIndex] ?? -1];
      lines.push(tooltipLine(p.marker, s.name, formatCell(row?.[s.valueIndex] ?? null, s.column, ctx)));
      if (s.kind !== 'main' || !row) continue;
      // The change and the plan attainment a manager asks about next, without drawing them.
      for (const kind of ['deltaPct', 'yoyDeltaPct', 'attainment'] as const) {
        const i = s.measure.companions[kind];
        const column = i === undefined ? undefined : result.columns[i];
        if (i !== undefined && column && row[i] !== null)
          lines.push(tooltipLine('', column.label ?? column.name, formatCell(row[i], column, ctx)));
      }
    }
    return lines.join('<br>');
  };
}

function seriesOption(s: SeriesSpec, view: ChartView, grid: CategoryGrid, otherRow: boolean, axis: number, stack: boolean) {
  const lastIsOther = otherRow && s.kind === 'main' && grid.series.filter((x) => x.kind === 'main').length === 1;
  const data = s.data.map((v, i) => (lastIsOther && i === s.data.length - 1 ? { value: v, itemStyle: { color: OTHER_COLOR } } : v));
  const horizontal = view.horizontal === true;
  const index = horizontal ? { xAxisIndex: axis } : { yAxisIndex: axis };
  if (view.type === 'bar' || view.type === 'stacked_bar') {
    const bar: BarSeriesOption = { type: 'bar', name: s.name, data, ...index, barMaxWidth: 36, emphasis: { focus: 'series' } };
    if (stack && s.kind === 'main') bar.stack = 'total';
    // The theme rounds a bar's top corners (a horizontal bar's right end); stacked segments stay square.
    const radius = stack && s.kind === 'main' ? { borderRadius: 0 } : horizontal ? { borderRadius: [0, 3, 3, 0] } : {};
    bar.itemStyle = { ...radius, ...(s.kind !== 'main' ? { opacity: 0.45 } : {}) };
    return bar;
  }
  const line: LineSeriesOption = {
    type: 'line',
    name: s.name,
    data,
    ...index,
    symbol: grid.categories.length > 40 ? 'none' : 'circle',
    symbolSize: 5,
    connectNulls: false,
  };
  if (s.kind !== 'main') line.lineStyle = { type: 'dashed', width: 1.5 };
  if (view.type === 'area' && s.kind === 'main') line.areaStyle = { opacity: stack ? 0.55 : 0.2 };
  if (stack && s.kind === 'main') line.stack = 'total';
  return line;
}

/** Named bars whose labels would not fit level: about 60 characters is what a half-width panel holds. */
function slanted(grid: CategoryGrid, isBar: boolean, width: number | undefined): boolean {
  if (!isBar || grid.categoryColumn?.type !== 'string') return false;
  // ~7px per character at 12px plus a gap; each name gets an equal share of the axis.
  const widest = Math.max(0, ...grid.shortLabels.map((l) => l.length)) * 7 + 12;
  if (width) return widest * grid.categories.length > width - 60;
  return grid.categories.length > 8 || grid.shortLabels.reduce((n, l) => n + l.length + 2, 0) > 60;
}

export function cartesianOption(result: PanelResult, view: ChartView, ctx: ChartContext): ChartSpec {
  const grid = categoryGrid(result, ctx, view.title ?? '');
  const percent = (s: SeriesSpec) => s.column.format === 'percent';
  const mixed = grid.series.some(percent) && !grid.series.every(percent);
  const axisOf = (s: SeriesSpec) => (mixed && percent(s) ? 1 : 0);
  const mains = grid.series.filter((s) => s.kind === 'main');
  const stack =
    view.type === 'stacked_bar' ||
    (view.type === 'area' && mains.length > 1 && !mains.some(percent) && new Set(mains.map(axisOf)).size === 1);
  const values = [valueAxis(grid.series.find((s) => axisOf(s) === 0)?.column, ctx, false)];
  if (mixed) values.push(valueAxis(grid.series.find(percent)?.column, ctx, true));
  const horizontal = view.horizontal === true;
  const isBar = view.type === 'bar' || view.type === 'stacked_bar';
  const category = {
    type: 'category' as const,
    data: grid.shortLabels,
    boundaryGap: isBar,
    axisTick: { alignWithLabel: true },
    // Horizontal bars list the first (largest) row on top, as the table would.
    ...(horizontal
      ? { inverse: true, axisLabel: { width: 120, overflow: 'truncate' as const } }
      : // Many named bars: slanted labels fit several times more names than level ones.
        {
          axisLabel: {
            hideOverlap: true,
            ...(slanted(grid, isBar, view.width) ? { rotate: 35, width: 90, overflow: 'truncate' as const } : {}),
          },
        }),
  };
  const legend = grid.series.length > 1;
  const option: EChartsOption = {
    ...baseOption(ctx),
    legend: legendOption(legend),
    grid: { left: 8, right: mixed ? 8 : 16, top: legend ? 36 : 12, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: horizontal ? values : category,
    yAxis: horizontal ? category : values,
    series: grid.series.map((s) => seriesOption(s, view, grid, result.otherRow === true, axisOf(s), stack)),
  };
  option.tooltip = {
    ...(option.tooltip as object),
    trigger: 'axis',
    axisPointer: { type: isBar ? 'shadow' : 'line' },
    formatter: axisTooltip(grid, result, ctx),
  };
  return { option, drillValues: grid.categories };
}
