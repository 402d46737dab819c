import { readFileSync } from 'node:fs';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import type { PanelType } from '../../../definition/report-definition.js';
import type { PanelResult } from '../../../result/result-set.js';
import { chartContext } from '../model/chart-context.js';
import { chartOption, isChartType } from './chart-option.js';
import { sparklineOption } from './sparkline-option.js';

const panels: Record<string, PanelResult> = JSON.parse(readFileSync(new URL('../test-fixtures/demo-panels.json', import.meta.url), 'utf8'));

function render(option: echarts.EChartsCoreOption, width = 600, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });

describe('every demo chart panel renders with real ECharts (SSR)', () => {
  const charts = Object.entries(panels).filter(([, p]) => isChartType(p.type ?? ''));
  it('has fixtures for every chart type', () => {
    expect(new Set(charts.map(([, p]) => p.type))).toEqual(
      new Set(['line', 'area', 'bar', 'stacked_bar', 'pie', 'funnel', 'heatmap', 'gauge']),
    );
  });
  for (const [name, panel] of charts) {
    for (const [ctx, width] of [
      [en, 600],
      [ru, 360],
    ] as const) {
      it(`${name} (${ctx.locale}, ${width}px)`, () => {
        const spec = chartOption(panel, { type: panel.type as PanelType, title: panel.title ?? '' }, ctx);
        const top = (spec.option.baseOption ?? spec.option) as typeof spec.option;
        expect(top.animation).toBe(false);
        expect((top.aria as { enabled: boolean }).enabled).toBe(true);
        const svg = render(spec.option, width);
        expect(svg).toMatch(/^<svg/);
        expect(svg.length).toBeGreaterThan(1000);
      });
    }
  }
  it('horizontal bars and donuts render', () => {
    const bar = panels['sales-activity/calls_vs_plan'] as PanelResult;
    expect(render(chartOption(bar, { type: 'bar', horizontal: true }, en).option)).toMatch(/^<svg/);
    const pie = panels['client-base/by_segment'] as PanelResult;
    expect(render(chartOption(pie, { type: 'pie', donut: true }, en).option)).toMatch(/^<svg/);
  });
  it('KPI sparklines render', () => {
    const kpi = panels['executive-overview/revenue'] as PanelResult;
    expect(kpi.series).toBeDefined();
    expect(render(sparklineOption(kpi.series as PanelResult, en), 200, 48)).toMatch(/^<svg/);
  });
});
