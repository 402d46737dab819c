/**
 * @module Funnel: stages in definition order (never re-sorted: a funnel's order is its meaning),
 * each labelled with its value and the conversion from the stage before (shape/funnel-shape).
 */
import type { EChartsOption } from 'echarts';
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { numeric } from '../model/column-roles.js';
import { formatCell } from '../model/format-cell.js';
import { baseOption, type ChartSpec } from './base-option.js';
import { plainLabel, tooltipHeader, tooltipLine } from './escape-html.js';

export function funnelOption(result: PanelResult, ctx: ChartContext): ChartSpec {
  const col = (name: string) => result.columns.findIndex((c) => c.name === name);
  const [stage, value, fromPrevious, fromFirst] = ['stage', 'value', 'conversion_from_previous', 'conversion_from_first'].map(
    col,
  ) as number[];
  const column = (i: number | undefined) => result.columns[i ?? -1] as ResultColumn | undefined;
  const cell = (row: unknown[], i: number | undefined) => {
    const c = column(i);
    return c && i !== undefined ? formatCell(row[i], c, ctx) : '';
  };
  const names = result.rows.map((row) => cell(row, stage));
  const max = Math.max(0, ...result.rows.map((row) => numeric(row[value ?? -1]) ?? 0));
  const option: EChartsOption = {
    ...baseOption(ctx),
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max: max || 1,
        minSize: '8%',
        // The funnel takes the left half; its labels sit to the right, where the narrow last
        // stages would otherwise cut them off.
        left: 8,
        width: '50%',
        top: 8,
        bottom: 8,
        gap: 2,
        data: result.rows.map((row, i) => ({ name: names[i] as string, value: numeric(row[value ?? -1]) ?? 0 })),
        labelLine: { length: 12, lineStyle: { width: 1 } },
        label: {
          position: 'right',
          fontSize: 11,
          width: 240,
          formatter: (p: { dataIndex: number }) => {
            const row = result.rows[p.dataIndex] ?? [];
            const conversion = p.dataIndex > 0 && row[fromPrevious ?? -1] !== null ? ` · ${cell(row, fromPrevious)}` : '';
            return plainLabel(`${names[p.dataIndex]}: ${cell(row, value)}${conversion}`);
          },
          overflow: 'truncate',
        },
      },
    ],
  };
  const narrow: EChartsOption = { series: [{ width: '45%', label: { width: 150, overflow: 'break' } }] };
  option.tooltip = {
    ...(option.tooltip as object),
    trigger: 'item',
    formatter: (raw: unknown) => {
      const p = raw as { dataIndex: number; marker?: string };
      const row = result.rows[p.dataIndex] ?? [];
      const lines = [tooltipHeader(names[p.dataIndex] ?? ''), tooltipLine(p.marker, column(value)?.label ?? '', cell(row, value))];
      for (const i of [fromPrevious, fromFirst])
        if (i !== undefined && i >= 0 && row[i] !== null && row[i] !== undefined)
          lines.push(tooltipLine('', column(i)?.label ?? '', cell(row, i)));
      return lines.join('<br>');
    },
  };
  return {
    option: { baseOption: option, media: [{ query: { maxWidth: 420 }, option: narrow }] },
    drillValues: result.rows.map((row) => row[stage ?? -1]),
  };
}
