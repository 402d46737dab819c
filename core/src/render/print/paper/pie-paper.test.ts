import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { OTHER_COLOR } from '../../client/chart-options/base-option.js';
import { pieOption } from '../../client/chart-options/pie-option.js';
import { chartContext } from '../../client/model/chart-context.js';
import { resolveMedia } from './option-media.js';
import { paperChartSvg } from './paper-chart.js';
import { paperStyle } from './paper-style.js';
import { piePaper } from './pie-paper.js';
import { demoPanels as panels, defaultTheme as theme } from './test-support/paper-fixtures.js';
import { textWidth } from './text-metrics.js';

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });
// Leads by channel: 666, 658, 424, 218, 134, 92 — Cyrillic names.
const channels = panels['marketing/leads_by_channel'] as PanelResult;
const channelNames = ['Контекстная реклама', 'Соцсети', 'Рекомендации', 'Вебинары', 'Рассылка', 'Выставки'];
const channelValues = [666, 658, 424, 218, 134, 92];

const result = (rows: [string, number][], otherRow = false): PanelResult => ({
  id: 'p',
  otherRow,
  columns: [
    { name: 'region', type: 'string', role: 'dimension' },
    { name: 'revenue', type: 'number', role: 'measure' },
  ],
  rows,
});
const draw = (r: PanelResult, { width = 457, height = 300, donut = false, ctx = en } = {}) =>
  paperChartSvg(pieOption(r, { type: 'pie', donut }, ctx).option, { width, height, theme }) as string;

/** Each slice's fill and angle, from its path: the outer arc's chord and large-arc flag give the sweep. */
function slices(svg: string) {
  return [...svg.matchAll(/<path d="M([\d.-]+) ([\d.-]+)A([\d.]+) [\d.]+ 0 ([01]) 1 ([\d.-]+) ([\d.-]+)[^"]*" fill="([^"]+)"/g)].map(
    (m) => {
      const [x0 = 0, y0 = 0, r = 1, large = 0, x1 = 0, y1 = 0] = m.slice(1, 7).map(Number);
      const half = Math.asin(Math.min(1, Math.hypot(x1 - x0, y1 - y0) / (2 * r)));
      return {
        start: [x0, y0],
        end: [x1, y1],
        sweep: large ? 2 * Math.PI - 2 * half : 2 * half,
        fill: m[7],
        arcs: (m[0].match(/A/g) ?? []).length,
      };
    },
  );
}
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
/** What a reader of the SVG sees: entities decoded, and the no-break spaces of ru formats as plain spaces. */
const decode = (text: string) =>
  text.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ENTITIES[e] as string).replace(/[\u00a0\u202f]/g, ' ');
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] as string));
/** Outside labels: one group of lines each (the white halo); the box the lines cover. */
const outsideLabels = (svg: string) =>
  [...svg.matchAll(/<g stroke="#fff"[^>]*>(.*?)<\/g>/g)].map((m) => {
    const lines = [...(m[1] as string).matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)</g)];
    const x = Number(lines[0]?.[1]);
    const ys = lines.map((l) => Number(l[2]));
    const width = Math.max(...lines.map((l) => textWidth(decode(l[3] as string), 12)));
    const left = (m[1] as string).includes('text-anchor="end"');
    return { lines: lines.length, x0: left ? x - width : x, x1: left ? x : x + width, y0: Math.min(...ys) - 7, y1: Math.max(...ys) + 7 };
  });

describe('pie on paper', () => {
  it('draws one slice per row, clockwise from 12 o’clock, each as wide as its share', () => {
    const svg = draw(channels);
    const drawn = slices(svg);
    expect(drawn).toHaveLength(6);
    const total = channelValues.reduce((a, b) => a + b, 0);
    drawn.forEach((s, i) => {
      expect(s.sweep).toBeCloseTo(((channelValues[i] as number) / total) * 2 * Math.PI, 2);
      // Each slice starts where the one before ended.
      if (i > 0) expect(s.start).toEqual(drawn[i - 1]?.end);
    });
    // The first starts straight above the centre (center '50%' of the width), and the pie closes.
    expect(drawn[0]?.start[0]).toBeCloseTo(457 / 2, 1);
    expect(drawn[5]?.end).toEqual(drawn[0]?.start);
    // Theme palette in data order, white borders of the theme's width.
    expect(drawn.map((s) => s.fill)).toEqual(theme.color.slice(0, 6));
    expect(svg).toContain('stroke="#ffffff" stroke-width="2"');
  });

  it('labels each slice outside with its name and its share as the formatter prints it, on a label line', () => {
    const svg = draw(channels);
    const printed = texts(svg);
    for (const share of ['30.4%', '30%', '19.3%', '9.9%', '6.1%', '4.2%']) expect(printed).toContain(share);
    expect(texts(draw(channels, { ctx: ru }))).toEqual(expect.arrayContaining(['30,4 %', '9,9 %']));
    // Two lines a label, the name cut to the label width (110) with an ellipsis.
    const labels = outsideLabels(svg);
    expect(labels).toHaveLength(6);
    expect(labels.every((l) => l.lines === 2)).toBe(true);
    expect(printed).toContain('Контекстная…');
    expect((svg.match(/<polyline /g) ?? []).length).toBe(6);
  });

  it('prints every name in the legend, wrapping rows where ECharts would page it', () => {
    for (const width of [288, 312, 457]) {
      const printed = texts(draw(channels, { width, ctx: ru }));
      for (const name of channelNames) expect(printed).toContain(name);
    }
  });

  it('greys the "Other" slice and its legend entry', () => {
    const svg = draw(
      result(
        [
          ['North', 50],
          ['South', 30],
          ['Other', 20],
        ],
        true,
      ),
    );
    expect(slices(svg).map((s) => s.fill)).toEqual([theme.color[0], theme.color[1], OTHER_COLOR]);
    expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${OTHER_COLOR}"/><text [^>]*>Other</text>`));
  });

  it('on a narrow chart (≤ 420) puts the shares inside the slices and the names in the legend only', () => {
    const svg = draw(channels, { width: 380, ctx: ru });
    expect(svg).not.toContain('<polyline');
    const inside = [...svg.matchAll(/<text [^>]*text-anchor="middle" font-size="11"[^>]*>([^<]*)<\/text>/g)].map((m) =>
      decode(m[1] as string),
    );
    expect(inside).toEqual(expect.arrayContaining(['30,4 %', '30 %', '19,3 %']));
    // Each name once: its legend entry.
    for (const name of channelNames) expect(texts(svg).filter((t) => t === name)).toHaveLength(1);
    // White on dark slices, dark on light ones (as ECharts), never the page's text colour.
    expect(svg).toMatch(/fill="#fff"[^>]*>30,4\s%</);
  });

  it('draws a donut as ring segments', () => {
    const drawn = slices(draw(panels['client-base/by_segment'] as PanelResult, { donut: true }));
    expect(drawn).toHaveLength(4);
    // Outer arc and inner arc back.
    expect(drawn.every((s) => s.arcs === 2)).toBe(true);
  });

  it('gives zero values no slice and no label, but keeps their names in the legend', () => {
    const svg = draw(
      result([
        ['North', 50],
        ['Empty', 0],
        ['South', 50],
      ]),
    );
    expect(slices(svg)).toHaveLength(2);
    expect(texts(svg).filter((t) => t === 'Empty')).toHaveLength(1);
    expect(outsideLabels(svg)).toHaveLength(2);
  });

  it('a single row is a whole circle', () => {
    const svg = draw(result([['All', 10]]));
    expect(svg).toMatch(/<path d="M[^"]*A[^"]*A[^"]*Z"/);
    expect(texts(svg)).toContain('100%');
  });

  it('escapes names: markup in data is printed, never parsed', () => {
    const svg = draw(
      result([
        ['<b>&"x"', 60],
        ['Plain', 40],
      ]),
    );
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(texts(svg).filter((t) => t === '<b>&"x"')).toHaveLength(2); // label and legend
  });

  it('moves labels of crowded small slices apart, and hides those that still overlap', () => {
    const rows: [string, number][] = [['Big', 1000], ...Array.from({ length: 14 }, (_, i) => [`Small ${i + 1}`, 3] as [string, number])];
    const svg = draw(result(rows));
    const labels = outsideLabels(svg);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(rows.length);
    // No two labels shown overlap.
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) {
        const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.1;
        expect(overlap).toBe(false);
      }
    });
    // A hidden label takes its label line with it.
    expect((svg.match(/<polyline /g) ?? []).length).toBe(labels.length);
  });

  it('leaves to ECharts what it does not draw', () => {
    const base = resolveMedia(pieOption(channels, { type: 'pie' }, en).option, 457, 300) as Record<string, any>;
    const box = { width: 457, height: 300, style: paperStyle(theme) };
    const withSeries = (patch: Record<string, unknown>) => ({ ...base, series: [{ ...base.series[0], ...patch }] });
    expect(piePaper(base as never, box)).toMatch(/^<svg /);
    expect(piePaper(withSeries({ roseType: 'radius' }) as never, box)).toBeUndefined();
    expect(piePaper(withSeries({ label: { ...base.series[0].label, position: 'center' } }) as never, box)).toBeUndefined();
    expect(piePaper(withSeries({ label: { ...base.series[0].label, formatter: '{b}: {c}' } }) as never, box)).toBeUndefined();
    expect(piePaper(withSeries({ data: [{ name: 'A', value: 1, selected: true }] }) as never, box)).toBeUndefined();
    expect(piePaper({ ...base, title: { text: 'Leads' } } as never, box)).toBeUndefined();
    expect(piePaper({ ...base, series: [base.series[0], base.series[0]] } as never, box)).toBeUndefined();
    // Nothing to draw: ECharts' empty circle.
    expect(piePaper(withSeries({ data: [{ name: 'A', value: 0 }] }) as never, box)).toBeUndefined();
  });
});
