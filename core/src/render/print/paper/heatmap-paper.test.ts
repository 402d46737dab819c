/**
 * Heatmaps on paper, built by the real option builder: one cell per value (none for a missing one),
 * darker for more along the visualMap's colours, the first weekday on top, hours across and thinned
 * where they would collide, the min and max under the grid as the visualMap formats them, every
 * label escaped, and an option paper does not draw left to ECharts.
 */
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { heatmapOption } from '../../client/chart-options/heatmap-option.js';
import { type ChartContext, chartContext } from '../../client/model/chart-context.js';
import { heatmapPaper } from './heatmap-paper.js';
import { paperStyle, parseHex } from './paper-style.js';
import { decodeXml as decode, defaultTheme as theme } from './test-support/paper-fixtures.js';
import { textWidth } from './text-metrics.js';

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });
const box = { width: 960, height: 300, style: paperStyle(theme) };
type AnyOption = Record<string, any>;

/** Calls by weekday (1 = Monday) and hour of day, as the engine returns them: [weekday, hour, calls]. */
function calls(rows: [number, number, number | null][]): PanelResult {
  return {
    id: 'calls_heatmap',
    columns: [
      { name: 'time:weekday', type: 'integer', role: 'dimension', label: 'Weekday' },
      { name: 'time:hour_of_day', type: 'integer', role: 'dimension', label: 'Hour' },
      { name: 'calls', type: 'integer', role: 'measure', label: 'Calls' },
    ],
    rows,
  };
}

function draw(result: PanelResult, ctx: ChartContext = en, size = box): { svg: string; option: AnyOption } {
  const option = heatmapOption(result, ctx).option;
  const svg = heatmapPaper(option, { ...box, ...size });
  if (svg === undefined) throw new Error('declined');
  return { svg, option: option as AnyOption };
}

const attr = (attrs: string, name: string) => Number(new RegExp(`(?:^|\\s)${name}="([-\\d.]+)"`).exec(attrs)?.[1]);
const texts = (svg: string) =>
  [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    text: decode(m[2] as string),
    x: attr(m[1] as string, 'x'),
    y: attr(m[1] as string, 'y'),
    anchor: /text-anchor="(\w+)"/.exec(m[1] as string)?.[1] ?? 'start',
  }));
/** The value cells: solid rects (stripes are translucent, the colour bar a gradient, handles outlined). */
const cells = (svg: string) =>
  [...svg.matchAll(/<rect ([^>]*)\/>/g)]
    .map((m) => m[1] as string)
    .filter((a) => /fill="#[0-9a-f]{6}"/.test(a) && !a.includes('fill-opacity') && !a.includes('stroke'))
    .map((a) => ({ x: attr(a, 'x'), y: attr(a, 'y'), height: attr(a, 'height'), fill: /fill="(#[0-9a-f]{6})"/.exec(a)?.[1] as string }));
/** Perceived lightness 0–255 of a hex colour. */
const lightness = (hex: string) => {
  const [r, g, b] = parseHex(hex) as number[];
  return 0.299 * (r as number) + 0.587 * (g as number) + 0.114 * (b as number);
};

describe('heatmap on paper', () => {
  it('draws one cell per value and none where the value is missing', () => {
    const { svg } = draw(
      calls([
        [1, 9, 10],
        [1, 10, 25],
        [2, 9, null],
        [3, 11, 40],
      ]),
    );
    expect(cells(svg)).toHaveLength(3);
  });

  it('colours a cell darker the more it holds, along the visualMap colours from min to max', () => {
    // One value per weekday at 9:00, rising from Monday to Sunday.
    const { svg, option } = draw(calls([1, 2, 3, 4, 5, 6, 7].map((day) => [day, 9, day * 10])));
    const stops = option.visualMap.inRange.color as string[];
    const byRow = cells(svg).sort((a, b) => a.y - b.y);
    expect(byRow).toHaveLength(7);
    const shades = byRow.map((c) => lightness(c.fill));
    for (let i = 1; i < shades.length; i++) expect(shades[i]).toBeLessThan(shades[i - 1] as number);
    // Between the first and the last stop: min is 0 (lighter than Monday's 10), max is Sunday's 70, the last stop.
    expect(shades[0]).toBeLessThan(lightness(stops[0] as string));
    expect(byRow[6]?.fill).toBe((stops[stops.length - 1] as string).toLowerCase());
  });

  it('puts the first weekday on top and the hours across in order', () => {
    const { svg } = draw(calls([1, 2, 3, 4, 5, 6, 7].flatMap((day) => [8, 9, 10].map((h): [number, number, number] => [day, h, day + h]))));
    const rowLabels = texts(svg).filter((t) => t.anchor === 'end');
    expect(rowLabels.map((t) => t.text)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    for (let i = 1; i < rowLabels.length; i++) expect(rowLabels[i]?.y).toBeGreaterThan(rowLabels[i - 1]?.y as number);
    // Monday's cells are the top row, level with its label.
    const [top] = cells(svg).sort((a, b) => a.y - b.y);
    expect((top?.y as number) + (top?.height as number) / 2).toBeCloseTo(rowLabels[0]?.y as number, 1);
    const hours = texts(svg).filter((t) => /^\d\d:00$/.test(t.text));
    expect(hours.map((t) => t.text)).toEqual(['08:00', '09:00', '10:00']);
    expect(hours[0]?.x).toBeLessThan(hours[1]?.x as number);
  });

  it('prints the min and max under the grid as the visualMap formats them, min on the left', () => {
    const { svg, option } = draw(calls([[1, 9, 1234]]));
    const printed = texts(svg);
    const min = printed.find((t) => t.text === option.visualMap.formatter(option.visualMap.min));
    const max = printed.find((t) => t.text === option.visualMap.formatter(option.visualMap.max));
    expect(min?.text).toBe('0');
    expect(max?.text).toBe('1.2K');
    expect(max?.x).toBeGreaterThan(min?.x as number);
    // 120px apart: itemHeight is the colour bar's length; both sit below the hour labels.
    expect((max?.x as number) - (min?.x as number)).toBeCloseTo(120, 5);
    const hour = printed.find((t) => t.text === '09:00');
    expect(min?.y).toBeGreaterThan(hour?.y as number);
    expect(svg).toMatch(/<rect [^>]*width="120" height="20" rx="3" fill="url\(#paper-vm-[0-9a-f-]+\)"\/>/);
  });

  it('prints Russian weekday names', () => {
    const { svg, option } = draw(calls([1, 2, 3, 4, 5, 6, 7].map((day) => [day, 9, day])), ru);
    const rowLabels = texts(svg)
      .filter((t) => t.anchor === 'end')
      .map((t) => t.text);
    expect(rowLabels).toEqual(option.yAxis.data);
    expect(rowLabels).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
  });

  it('thins the hour labels where they would collide, and keeps the shown ones apart', () => {
    const day = Array.from({ length: 24 }, (_, h): [number, number, number] => [1, h, h]);
    const { svg } = draw(calls(day), en, { ...box, width: 320 });
    const hours = texts(svg).filter((t) => /^\d\d:00$/.test(t.text));
    expect(hours.length).toBeGreaterThan(1);
    expect(hours.length).toBeLessThan(24);
    expect(hours[0]?.text).toBe('00:00');
    for (let i = 1; i < hours.length; i++) {
      const gap = (hours[i]?.x as number) - (hours[i - 1]?.x as number);
      expect(gap).toBeGreaterThan(textWidth('00:00', 12));
    }
    // All 24 columns are still there.
    expect(cells(svg)).toHaveLength(24);
  });

  it('escapes category labels: markup in a name prints only as text', () => {
    const result: PanelResult = {
      id: 'by_region',
      columns: [
        { name: 'region', type: 'string', role: 'dimension', label: 'Region' },
        { name: 'product', type: 'string', role: 'dimension', label: 'Product' },
        { name: 'sales', type: 'number', role: 'measure', label: 'Sales' },
      ],
      rows: [
        ['<b>&"x"', 'Tea', 5],
        ['North', '<b>&"x"', 7],
      ],
    };
    const { svg } = draw(result);
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('"x"');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(texts(svg).filter((t) => t.text === '<b>&"x"')).toHaveLength(2);
  });

  it('leaves to ECharts what it does not draw: a vertical visualMap, two series, a chart title, labels on cells', () => {
    const option = () => heatmapOption(calls([[1, 9, 3]]), en).option as AnyOption;
    const declined = (change: (o: AnyOption) => void) => {
      const o = option();
      change(o);
      return heatmapPaper(o as EChartsOption, box);
    };
    expect(heatmapPaper(option() as EChartsOption, box)).toBeDefined();
    expect(declined((o) => Object.assign(o.visualMap, { orient: 'vertical' }))).toBeUndefined();
    expect(declined((o) => o.series.push({ ...o.series[0] }))).toBeUndefined();
    expect(declined((o) => Object.assign(o, { title: { text: 'Calls' } }))).toBeUndefined();
    expect(declined((o) => Object.assign(o.series[0], { label: { show: true } }))).toBeUndefined();
    expect(declined((o) => Object.assign(o.xAxis, { type: 'value' }))).toBeUndefined();
  });
});
