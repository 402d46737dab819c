import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { chartContext } from '../model/chart-context.js';
import { cartesianOption } from './cartesian-option.js';
import { funnelOption } from './funnel-option.js';
import { gaugeOption } from './gauge-option.js';
import { heatmapOption } from './heatmap-option.js';
import { pieOption } from './pie-option.js';

const panels: Record<string, PanelResult> = JSON.parse(readFileSync(new URL('../test-fixtures/demo-panels.json', import.meta.url), 'utf8'));
const panel = (id: string) => panels[id] as PanelResult;
const en = chartContext({ locale: 'en', animation: false });
type AnyOption = Record<string, any>;

const hostile: PanelResult = {
  id: 'x',
  otherRow: true,
  columns: [
    { name: 'region', type: 'string', role: 'dimension', labels: { Other: 'Other' } },
    { name: 'revenue', type: 'number', role: 'measure', format: 'currency', label: 'Revenue <b>' },
    { name: 'revenue_previous', type: 'number', role: 'measure', format: 'currency', label: 'Revenue · previous' },
    { name: 'revenue_delta_pct', type: 'number', role: 'measure', format: 'percent', label: 'Revenue · change, %' },
  ],
  rows: [
    ['<img src=x onerror=alert(1)>', 100, 80, 0.25],
    ['Other', 10, 5, 1],
  ],
};

describe('cartesian options', () => {
  it('draws a measure and its previous period; the tooltip escapes data and adds the change', () => {
    const { option, drillValues } = cartesianOption(hostile, { type: 'bar' }, en);
    const o = option as AnyOption;
    expect(o.series.map((s: AnyOption) => s.name)).toEqual(['Revenue <b>', 'Revenue · previous']);
    expect(drillValues).toEqual(['<img src=x onerror=alert(1)>', 'Other']);
    const html = o.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 0, marker: '●' },
      { seriesIndex: 1, dataIndex: 0, marker: '●' },
    ]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Revenue &lt;b&gt;: <b>$100</b>');
    expect(html).toContain('Revenue · change, %: <b>25%</b>');
    // The "Other" bar of the single measure is greyed.
    expect(o.series[0].data[1]).toMatchObject({ value: 10, itemStyle: { color: '#9aa3ad' } });
  });
  it('stacks stacked bars, lays horizontal bars top-down', () => {
    const stacked = cartesianOption(panel('personnel-control/status_by'), { type: 'stacked_bar' }, en).option as AnyOption;
    expect(stacked.series.every((s: AnyOption) => s.stack === 'total')).toBe(true);
    const horizontal = cartesianOption(panel('executive-overview/revenue_by_region'), { type: 'bar', horizontal: true }, en)
      .option as AnyOption;
    expect(horizontal.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(Array.isArray(horizontal.xAxis)).toBe(true);
  });
  it('slants bar names only when they would not fit the box', () => {
    const result = panel('personnel-control/status_by');
    const rotate = (width?: number) =>
      (cartesianOption(result, { type: 'stacked_bar', ...(width ? { width } : {}) }, en).option as AnyOption).xAxis.axisLabel.rotate;
    expect(rotate(1200)).toBeUndefined();
    expect(rotate(360)).toBe(35);
  });
  it('keeps the engine order of bars', () => {
    const result = panel('executive-overview/revenue_by_region');
    const o = cartesianOption(result, { type: 'bar' }, en).option as AnyOption;
    expect(o.xAxis.data).toEqual(result.rows.map((r) => r[0]));
  });
  it('puts percent measures beside money on a second axis', () => {
    const o = cartesianOption(panel('sales-activity/calls_vs_plan'), { type: 'bar' }, en).option as AnyOption;
    expect(o.yAxis).toHaveLength(1);
    const mixed = cartesianOption(hostile, { type: 'line' }, en).option as AnyOption;
    expect(mixed.yAxis).toHaveLength(1);
    const byRegion: PanelResult = {
      id: 'r',
      columns: [
        { name: 'region', type: 'string', role: 'dimension' },
        { name: 'active', type: 'integer', role: 'measure' },
        { name: 'churn_rate', type: 'number', role: 'measure', format: 'percent' },
      ],
      rows: [['Moscow', 10, 0.1]],
    };
    const two = cartesianOption(byRegion, { type: 'bar' }, en).option as AnyOption;
    expect(two.yAxis).toHaveLength(2);
    expect(two.series[1].yAxisIndex).toBe(1);
    expect(two.yAxis[1].axisLabel.formatter(0.5)).toBe('50%');
  });
  it('splits a second dimension into series and stacks areas', () => {
    const o = cartesianOption(panel('marketing/leads_by_month'), { type: 'area' }, en).option as AnyOption;
    expect(o.series.length).toBeGreaterThan(2);
    expect(o.series.every((s: AnyOption) => s.stack === 'total' && s.areaStyle)).toBe(true);
    expect(o.xAxis.data[0]).toMatch(/^[A-Z][a-z]{2} 20\d\d$/);
  });
  it('dashes last year and plan beside the actual line', () => {
    const o = cartesianOption(panel('executive-overview/revenue_by_month'), { type: 'line' }, en).option as AnyOption;
    expect(o.series.map((s: AnyOption) => s.lineStyle?.type ?? 'solid')).toEqual(['solid', 'dashed', 'dashed']);
  });
});

describe('pie, funnel, heatmap, gauge', () => {
  it('pie tooltips escape and slices carry drill values', () => {
    const { option, drillValues } = pieOption(hostile, { type: 'pie', donut: true }, en);
    const o = (option as AnyOption).baseOption;
    expect(o.series[0].radius).toEqual(['42%', '68%']);
    expect((option as AnyOption).media[0].option.series[0].label.position).toBe('inside');
    expect(drillValues?.[0]).toBe('<img src=x onerror=alert(1)>');
    expect(o.tooltip.formatter({ dataIndex: 0, marker: '', percent: 90.9 })).not.toContain('<img');
  });
  it('funnel labels show the value and the conversion from the stage before, in definition order', () => {
    const o = (funnelOption(panel('sales-funnel/funnel'), en).option as AnyOption).baseOption;
    expect(o.series[0].sort).toBe('none');
    // The fixture was rendered in Russian (stage labels); numbers follow the context's locale.
    expect(o.series[0].label.formatter({ dataIndex: 0 })).toBe('Лиды: 3,115');
    expect(o.series[0].label.formatter({ dataIndex: 1 })).toBe('Квалифицированы: 1,748 · 56.1%');
    expect(o.tooltip.formatter({ dataIndex: 1, marker: '' })).toContain('Конверсия из первого этапа: <b>56.1%</b>');
  });
  it('heatmap: weekdays down, hours across, colour by the value', () => {
    const o = heatmapOption(panel('sales-activity/calls_heatmap'), en).option as AnyOption;
    expect(o.yAxis.data).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(o.xAxis.data[0]).toMatch(/^\d\d:00$/);
    expect(o.visualMap.dimension).toBe(2);
  });
  it('gauge shows plan attainment with the plan and run-rate underneath', () => {
    const o = gaugeOption(panel('executive-overview/calls_vs_plan'), en).option as AnyOption;
    const series = o.baseOption.series[0];
    expect(series.data[0].value).toBeCloseTo(0.91, 1);
    expect(series.data[0].name).toMatch(/^[\d,]+ \/ Plan [\d,]+\nrun-rate: \d+(\.\d)?%$/);
    expect(series.detail.formatter()).toMatch(/^\d+(\.\d)?%$/);
    expect(series.progress.itemStyle.color).toBe('#e0a030');
  });
  it('gauge of a plain number rounds its scale up', () => {
    const o = gaugeOption(panel('service-quality/satisfaction'), en).option as AnyOption;
    expect(o.baseOption.series[0].max).toBe(5);
  });
});
