/**
 * Paper charts read like ECharts' drawing of the same option: on every bar, line and area chart of
 * the demo results, the value axis carries exactly the ticks ECharts' server renderer prints, and
 * every series is named in the legend as ECharts names it. ECharts itself is the reference (the
 * real renderer, drawn in this process), so a change to either side that moves an axis shows here.
 */
import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { cartesianOption } from '../../client/chart-options/cartesian-option.js';
import type { ChartView } from '../../client/chart-options/chart-view.js';
import { chartContext } from '../../client/model/chart-context.js';
import { echartsChartSvg, registerChartTheme } from '../chart-svg.js';
import { paperChartSvg } from './paper-chart.js';
import { demoPanels as panels, svgTexts as texts, defaultTheme as theme } from './test-support/paper-fixtures.js';

const themeName = registerChartTheme('parity-default', theme) as string;

/** Vertical cartesian charts of the demo: the value axis runs up the left (and right) side. */
const cases: [string, ChartView][] = [
  ['executive-overview/revenue_by_month', { type: 'line' }],
  ['sales-activity/calls_by_day', { type: 'area' }],
  ['sales-activity/calls_vs_plan', { type: 'bar' }],
  ['marketing/leads_by_month', { type: 'area' }],
  ['personnel-control/status_by', { type: 'stacked_bar' }],
  ['service-quality/by_week', { type: 'line' }],
  ['client-base/silent_by_manager', { type: 'bar' }],
  ['sales/revenue_by_category', { type: 'stacked_bar' }],
];

describe.each(['en', 'ru'] as const)('paper charts against ECharts (%s)', (locale) => {
  const ctx = chartContext({ locale, animation: false });
  it.each(cases)('%s (%o): the same value-axis ticks and legend names', (id, view) => {
    const result = panels[id] as PanelResult;
    const size = { width: 620, height: 300 };
    const { option } = cartesianOption(result, { ...view, width: size.width }, ctx);
    const paper = paperChartSvg(option, { ...size, theme });
    expect(paper, 'paper declined the chart').toBeDefined();
    const echarts = echartsChartSvg(option, { ...size, locale, theme: themeName });
    // Category labels differ on purpose (paper truncates by a better width estimate); ticks and names must not.
    const xAxis = (Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis) as { data?: string[] } | undefined;
    const categories = new Set(xAxis?.data ?? []);
    const notCategory = (t: string) => !categories.has(t) && !/(\.\.\.|…)$/.test(t);
    const series = (Array.isArray(option.series) ? option.series : [option.series]).map((s) => String(s?.name));
    const ticks = (svg: string) => new Set(texts(svg).filter((t) => notCategory(t) && !series.includes(t)));
    expect(ticks(paper as string)).toEqual(ticks(echarts));
    if (series.length > 1) for (const name of series) expect(texts(paper as string)).toContain(name);
  });
});
