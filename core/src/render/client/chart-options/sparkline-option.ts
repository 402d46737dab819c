/** @module KPI sparkline: the measure by time bucket over the period, no axes, a quiet area. */
import type { EChartsOption } from 'echarts';
import type { ResultColumn, ResultSet } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { numeric } from '../model/column-roles.js';
import { formatCell } from '../model/format-cell.js';
import { baseOption } from './base-option.js';
import { tooltipHeader, tooltipLine } from './escape-html.js';

export function sparklineOption(series: ResultSet, ctx: ChartContext): EChartsOption {
  const time = series.columns[0] as ResultColumn;
  const measure = (series.columns[1] ?? series.columns[0]) as ResultColumn;
  const at = series.columns.length > 1 ? 1 : 0;
  const option: EChartsOption = {
    ...baseOption(ctx),
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: series.rows.map((r) => formatCell(r[0], time, ctx)) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        name: measure.label ?? measure.name,
        data: series.rows.map((r) => numeric(r[at])),
        symbol: 'none',
        smooth: true,
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: 0.15 },
      },
    ],
  };
  option.tooltip = {
    ...(option.tooltip as object),
    trigger: 'axis',
    formatter: (raw: unknown) => {
      const p = (Array.isArray(raw) ? raw[0] : raw) as { dataIndex: number; marker?: string } | undefined;
      const row = p ? series.rows[p.dataIndex] : undefined;
      if (!p || !row) return '';
      return `${tooltipHeader(formatCell(row[0], time, ctx))}${tooltipLine(p.marker, measure.label ?? measure.name, formatCell(row[at], measure, ctx))}`;
    },
  };
  return option;
}
