/**
 * Charts for paper are drawn on a kept ECharts chart per size: whatever was drawn on it before,
 * each drawing is the SVG a new chart draws (up to zrender's instance ids), without the hover CSS,
 * and a drawing that throws leaves the next one intact.
 */
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { describe, expect, it } from 'vitest';
import { echartsChartSvg as chartSvg } from './chart-svg.js';

const size = { width: 420, height: 300, locale: 'en' as const };
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May'];
const options: Record<string, EChartsOption> = {
  bar: {
    legend: { type: 'scroll' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: 'Calls', data: [120, 132, 101, 134, 90] },
      { type: 'bar', name: 'Plan', data: [100, 110, 120, 130, 140] },
    ],
  },
  pie: { series: [{ type: 'pie', data: months.map((name, i) => ({ name, value: i + 1 })) }] },
  line: {
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: [5, 7, 6, 9, 8] }],
  },
  heatmap: {
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'category', data: ['Mon', 'Tue'] },
    visualMap: { min: 0, max: 10, calculable: false, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', data: months.flatMap((_, x) => [0, 1].map((y) => [x, y, (x * 3 + y) % 10])) }],
  },
  gauge: { series: [{ type: 'gauge', data: [{ value: 72, name: 'Answered' }] }] },
};

/** What a new chart draws: the reference the kept charts must match. */
function drawnOnNewChart(option: EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height, locale: 'EN' });
  try {
    const legend = option.legend as object | undefined;
    chart.setOption({
      ...option,
      animation: false,
      aria: { enabled: false },
      tooltip: { show: false },
      ...(legend ? { legend: { ...legend, type: 'plain' } } : {}),
    } as never);
    return (chart.getZr().painter as unknown as { renderToString(o: object): string }).renderToString({
      useViewBox: true,
      cssEmphasis: false,
      cssAnimation: false,
    });
  } finally {
    chart.dispose();
  }
}

const withoutIds = (svg: string) => svg.replace(/zr\d+-/g, 'zr-');

describe('chartSvg', () => {
  it('draws what a new chart draws, whatever the kept chart of that size drew before', () => {
    const order = ['bar', 'pie', 'heatmap', 'line', 'gauge', 'bar', 'heatmap', 'pie', 'line'];
    for (const type of order) {
      const option = options[type] as EChartsOption;
      expect(withoutIds(chartSvg(option, size)), type).toBe(withoutIds(drawnOnNewChart(option)));
    }
  });

  it('leaves out the hover CSS (no pointer on paper)', () => {
    const svg = chartSvg(options.bar as EChartsOption, size);
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain(':hover');
    expect(svg).not.toMatch(/ class="/);
    // The text is still text: paper prints the labels as vector glyphs.
    expect(svg).toContain('>Calls<');
  });

  it('draws the next chart intact after one that throws', () => {
    const broken: EChartsOption = { xAxis: { type: 'category' }, yAxis: {}, series: [{ type: 'line', data: [1, 2], xAxisIndex: 3 }] };
    expect(() => chartSvg(broken, size)).toThrow(/xAxis/);
    const option = options.bar as EChartsOption;
    expect(withoutIds(chartSvg(option, size))).toBe(withoutIds(drawnOnNewChart(option)));
  });
});
