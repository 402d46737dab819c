/** @module Pie and donut: one slice per row of the first dimension, "Other" greyed, shares in labels. */
import type { EChartsOption, PieSeriesOption } from 'echarts';
import type { PanelResult } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { columnRoles, numeric } from '../model/column-roles.js';
import { formatCell } from '../model/format-cell.js';
import { baseOption, type ChartSpec, legendOption, OTHER_COLOR } from './base-option.js';
import type { ChartView } from './chart-view.js';
import { plainLabel, tooltipHeader, tooltipLine } from './escape-html.js';

export function pieOption(result: PanelResult, view: ChartView, ctx: ChartContext): ChartSpec {
  const roles = columnRoles(result);
  const dim = roles.dimensions[0];
  const measure = roles.measures[0];
  const dimColumn = dim === undefined ? undefined : result.columns[dim];
  const rows = result.rows;
  const names = rows.map((row, i) => (dimColumn && dim !== undefined ? formatCell(row[dim], dimColumn, ctx) : String(i + 1)));
  const data: PieSeriesOption['data'] = rows.map((row, i) => ({
    name: names[i] as string,
    value: measure ? (numeric(row[measure.index]) ?? 0) : 0,
    ...(result.otherRow && i === rows.length - 1 ? { itemStyle: { color: OTHER_COLOR } } : {}),
  }));
  const percent = (share: number) => formatCell(share / 100, { name: 'share', type: 'number', format: 'percent' }, ctx);
  const option: EChartsOption = {
    ...baseOption(ctx),
    legend: { ...(legendOption(true) as object), top: undefined, bottom: 0 },
    series: [
      {
        type: 'pie',
        name: measure?.column.label ?? '',
        radius: view.donut ? ['42%', '68%'] : [0, '68%'],
        center: ['50%', '46%'],
        data,
        avoidLabelOverlap: true,
        // Slices keep the result's order (largest first), clockwise from 12 o'clock.
        startAngle: 90,
        label: {
          formatter: (p: { name: string; percent?: number }) => plainLabel(`${p.name}\n${percent(p.percent ?? 0)}`),
          overflow: 'truncate',
          width: 110,
          lineHeight: 14,
        },
        labelLine: { length: 8, length2: 8 },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
  option.tooltip = {
    ...(option.tooltip as object),
    trigger: 'item',
    formatter: (raw: unknown) => {
      const p = raw as { dataIndex: number; marker?: string; percent: number };
      const row = rows[p.dataIndex];
      if (!row || !measure) return '';
      return [
        tooltipHeader(names[p.dataIndex] ?? ''),
        tooltipLine(p.marker, measure.column.label ?? measure.column.name, formatCell(row[measure.index], measure.column, ctx)),
        tooltipLine('', '%', percent(p.percent)),
      ].join('<br>');
    },
  };
  // On a phone outside labels run off the edges: shares go inside the slices, names stay in the legend.
  const narrow: EChartsOption = {
    series: [
      {
        radius: view.donut ? ['38%', '72%'] : [0, '72%'],
        label: { position: 'inside', formatter: (p: { percent?: number }) => percent(p.percent ?? 0), fontSize: 11 },
        labelLine: { show: false },
      },
    ],
  };
  return {
    option: { baseOption: option, media: [{ query: { maxWidth: 420 }, option: narrow }] },
    drillValues: dim === undefined ? [] : rows.map((row) => row[dim]),
  };
}
