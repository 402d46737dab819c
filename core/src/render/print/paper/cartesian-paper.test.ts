/**
 * Bar, line and area charts on paper, built from the same options the screen draws (the real
 * option builders and demo results): every category and series name prints (escaped), bars are as
 * tall as their values on ECharts' nice scale, stacks stack, gaps in the data are gaps in the line,
 * labels stay inside the box, and what paper does not draw is left to ECharts.
 */
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { cartesianOption } from '../../client/chart-options/cartesian-option.js';
import type { ChartView } from '../../client/chart-options/chart-view.js';
import { sparklineOption } from '../../client/chart-options/sparkline-option.js';
import { chartContext } from '../../client/model/chart-context.js';
import { cartesianPaper } from './cartesian-paper.js';
import { paperChartSvg } from './paper-chart.js';
import { paperStyle } from './paper-style.js';
import { demoPanels as panels, svgTexts as texts, defaultTheme as theme } from './test-support/paper-fixtures.js';

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });
const box = { width: 600, height: 300, style: paperStyle(theme) };

function draw(result: PanelResult, view: ChartView, ctx = en, size: { width: number; height: number } = box): string {
  const svg = cartesianPaper(cartesianOption(result, { ...view, width: size.width }, ctx).option, { ...box, ...size });
  if (svg === undefined) throw new Error('declined');
  return svg;
}

/** Bounding box [x, y, width, height] of a path of M/H/V/A/Z commands (a bar with rounded corners). */
function pathBox(d: string): number[] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, command, args] of d.matchAll(/([MHVAZ])([^MHVAZ]*)/g)) {
    const n = (args as string)
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [x, y] =
      command === 'M'
        ? [n[0], n[1]]
        : command === 'H'
          ? [n[0], undefined]
          : command === 'V'
            ? [undefined, n[0]]
            : command === 'A'
              ? [n[5], n[6]]
              : [];
    if (x !== undefined) xs.push(x);
    if (y !== undefined) ys.push(y);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}

/** Bars (rects or rounded paths) of one fill colour, as [x, y, width, height] boxes. */
function bars(svg: string, fill: string): number[][] {
  const out: number[][] = [];
  for (const m of svg.matchAll(/<(rect|path) ([^>]*)\/>/g)) {
    const attrs = m[2] as string;
    if (!attrs.includes(`fill="${fill}"`) || /rx=/.test(attrs)) continue;
    if (m[1] === 'rect') {
      const v = (k: string) => Number(new RegExp(`\\b${k}="([^"]+)"`).exec(attrs)?.[1]);
      out.push([v('x'), v('y'), v('width'), v('height')]);
    } else {
      if (attrs.includes('stroke=')) continue;
      out.push(pathBox(/d="([^"]+)"/.exec(attrs)?.[1] ?? ''));
    }
  }
  return out;
}

const [blue, green] = theme.color as string[];

describe('bar charts on paper', () => {
  const result: PanelResult = {
    id: 'p',
    columns: [
      { name: 'region', type: 'string', role: 'dimension', label: 'Region' },
      { name: 'revenue', type: 'number', role: 'measure', format: 'integer', label: 'Revenue' },
    ],
    rows: [
      ['North', 800],
      ['South', 400],
      ['East', 200],
    ],
  };

  it('draws one bar per category, as tall as its value on a 0–800 axis in steps of 200', () => {
    const svg = draw(result, { type: 'bar' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['0', '200', '400', '600', '800', 'North', 'South', 'East']));
    const drawn = bars(svg, blue as string);
    expect(drawn).toHaveLength(3);
    const [north, south, east] = drawn.map((b) => b[3] as number);
    expect((north as number) / (south as number)).toBeCloseTo(2, 1);
    expect((south as number) / (east as number)).toBeCloseTo(2, 1);
    // Left to right in the result's order; every bar inside the box.
    expect(drawn.map((b) => b[0])).toEqual([...drawn.map((b) => b[0])].sort((a, b) => (a as number) - (b as number)));
    for (const [x, y, w, h] of drawn) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect((x as number) + (w as number)).toBeLessThanOrEqual(box.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect((y as number) + (h as number)).toBeLessThanOrEqual(box.height);
    }
  });

  it('keeps a bar no wider than barMaxWidth, and a single series without a legend', () => {
    const svg = draw(result, { type: 'bar' }, en, { width: 900, height: 300 });
    for (const b of bars(svg, blue as string)) expect(b[2]).toBeLessThanOrEqual(36);
    expect(svg).not.toContain('rx=');
  });

  it('greys the "Other" bar and fades the previous period beside the measure, both named in the legend', () => {
    const svg = draw(panels['executive-overview/revenue_by_region'] as PanelResult, { type: 'bar' }, ru);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Выручка', 'Выручка · пред. период']));
    expect(svg).toMatch(/fill="#[0-9a-f]{6}" fill-opacity="0.45"/);
    const hostile: PanelResult = {
      id: 'x',
      otherRow: true,
      columns: [
        { name: 'name', type: 'string', role: 'dimension' },
        { name: 'v', type: 'number', role: 'measure', label: 'Value <b>&"x"' },
      ],
      rows: [
        ['<img src=x onerror=alert(1)>', 5],
        ['Other', 1],
      ],
    };
    const other = draw(hostile, { type: 'bar' });
    expect(other).toContain('fill="#9aa3ad"');
    expect(other).not.toContain('<img');
    expect(other).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('stacks segments: each category as tall as its sum, the scale fitting the tallest stack', () => {
    const result = panels['personnel-control/status_by'] as PanelResult;
    const svg = draw(result, { type: 'stacked_bar' });
    const palette = theme.color as string[];
    const segments = [0, 1, 2].map((i) => bars(svg, palette[i] as string));
    for (const s of segments) expect(s).toHaveLength(result.rows.length);
    result.rows.forEach((row, r) => {
      const heights = segments.map((s) => (s[r] as number[])[3] as number);
      const values = [row[1], row[2], row[3]] as number[];
      // Segments share one scale, so their heights keep the values' proportions…
      const unit = (heights[0] as number) / (values[0] as number);
      heights.forEach((h, i) => expect(h).toBeCloseTo((values[i] as number) * unit, 0));
      // …and sit on top of each other.
      const [first, second] = segments.map((s) => s[r] as number[]);
      expect((second as number[])[1] as number).toBeCloseTo(((first as number[])[1] as number) - ((second as number[])[3] as number), 0);
    });
  });

  it('lists horizontal bars top-down in the result order, with long names truncated', () => {
    const long: PanelResult = {
      ...result,
      rows: [
        ['A very long region name that cannot fit beside the bars', 800],
        ['South', 400],
      ],
    };
    const svg = draw(long, { type: 'bar', horizontal: true });
    const names = texts(svg).filter((t) => t === 'South' || t.startsWith('A very'));
    expect(names[0]).toMatch(/^A very long .*…$/);
    expect(names[1]).toBe('South');
    const [first, second] = bars(svg, blue as string);
    expect((first as number[])[1]).toBeLessThan((second as number[])[1] as number);
    expect((first as number[])[2]).toBeGreaterThan((second as number[])[2] as number);
  });

  it('puts a percent measure beside counts on its own right-hand axis', () => {
    const svg = draw(panels['client-base/silent_by_manager'] as PanelResult, { type: 'bar' }, en);
    expect(svg).toContain('text-anchor="end"');
    const mixed: PanelResult = {
      id: 'm',
      columns: [
        { name: 'region', type: 'string', role: 'dimension' },
        { name: 'clients', type: 'integer', role: 'measure', label: 'Clients' },
        { name: 'churn', type: 'number', role: 'measure', format: 'percent', label: 'Churn' },
      ],
      rows: [
        ['North', 780, 0.1],
        ['South', 460, 0.18],
      ],
    };
    const labels = texts(draw(mixed, { type: 'bar' }));
    expect(labels).toEqual(expect.arrayContaining(['800', '0%', '18%']));
  });
});

describe('line and area charts on paper', () => {
  const byMonth = panels['executive-overview/revenue_by_month'] as PanelResult;

  it('draws the measure solid and its comparisons dashed, every series in the legend', () => {
    const svg = draw(byMonth, { type: 'line' }, ru);
    const lines = [
      ...svg.matchAll(/<path d="M[^"]+" fill="none" stroke="([^"]+)" stroke-width="[^"]+" stroke-linejoin="round"( stroke-dasharray)?/g),
    ];
    expect(lines.map((l) => Boolean(l[2]))).toEqual([false, true, true]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Выручка']));
    // A point per month on the solid line.
    expect([...svg.matchAll(new RegExp(`<circle [^>]*fill="${blue}"`, 'g'))]).toHaveLength(byMonth.rows.length);
  });

  it('leaves a gap where a value is missing instead of joining across it', () => {
    const gappy: PanelResult = {
      id: 'g',
      columns: [
        { name: 'day', type: 'string', role: 'dimension' },
        { name: 'calls', type: 'integer', role: 'measure', label: 'Calls' },
      ],
      rows: [
        ['Mon', 5],
        ['Tue', 7],
        ['Wed', null],
        ['Thu', 6],
        ['Fri', 9],
      ],
    };
    const svg = draw(gappy, { type: 'line' });
    const paths = [...svg.matchAll(new RegExp(`<path d="(M[^"]+)" fill="none" stroke="${blue}"`, 'g'))];
    expect(paths).toHaveLength(2);
    expect([...svg.matchAll(/<circle /g)]).toHaveLength(4);
  });

  it('stacks areas of several measures, the upper band starting where the lower ends', () => {
    const svg = draw(panels['sales-activity/calls_by_day'] as PanelResult, { type: 'area' }, ru);
    const areas = [...svg.matchAll(/<path d="([^"]+)" fill="([^"]+)" fill-opacity="0.55"\/>/g)];
    expect(areas.map((a) => a[2])).toEqual([blue, green]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Отвеченные', 'Без ответа']));
  });

  it('thins category labels so neighbours never overlap', () => {
    const svg = draw(panels['sales-activity/calls_by_day'] as PanelResult, { type: 'area' }, ru, { width: 300, height: 200 });
    const labels = [...svg.matchAll(/<text x="([^"]+)" y="([^"]+)" [^>]*text-anchor="middle"[^>]*>([^<]*)</g)].map((m) => ({
      x: Number(m[1]),
      text: m[3] as string,
    }));
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(30);
    for (let i = 1; i < labels.length; i++) {
      const gap = (labels[i] as { x: number }).x - (labels[i - 1] as { x: number }).x;
      expect(gap).toBeGreaterThan(12 * 0.66 * 7);
    }
  });
});

describe('the theme on paper', () => {
  it('styles the chart as the theme styles the screen: palette, smooth lines, tick marks', () => {
    const custom = {
      ...theme,
      color: ['#112233', '#445566'],
      line: { ...theme.line, smooth: true },
      categoryAxis: { ...theme.categoryAxis, axisTick: { show: true } },
    };
    const option = cartesianOption(panels['sales-activity/calls_by_day'] as PanelResult, { type: 'line' }, en).option;
    const plain = paperChartSvg(option, { width: 600, height: 300, theme });
    const styled = paperChartSvg(option, { width: 600, height: 300, theme: custom });
    expect(styled).toContain('stroke="#112233"');
    expect(styled).toContain('stroke="#445566"');
    expect(plain).not.toMatch(/<path d="M[^"]*C[^"]*" fill="none" stroke="#/);
    expect(styled).toMatch(/<path d="M[^"]*C[^"]*" fill="none" stroke="#112233"/);
    // 30 days: one tick per day on the category axis, in the axis line's colour.
    const ticks = styled?.match(
      new RegExp(`<path d="((?:M[\\d.]+ [\\d.]+V[\\d.]+)+)" fill="none" stroke="${theme.categoryAxis.axisLine.lineStyle.color}"`),
    );
    expect(ticks?.[1]?.match(/M/g)).toHaveLength(30);
  });
});

describe('sparklines on paper', () => {
  it('draws a smooth line and its quiet area with no axis, no labels and no grid lines', () => {
    const kpi = panels['executive-overview/revenue'] as PanelResult & { series: NonNullable<PanelResult['series']> };
    const svg = paperChartSvg(sparklineOption(kpi.series, en), { width: 200, height: 44, theme });
    expect(svg).toBeDefined();
    expect(texts(svg as string)).toEqual([]);
    expect(svg).toMatch(/<path d="M[^"]*C/);
    expect(svg).toContain('fill-opacity="0.15"');
    expect(svg).not.toContain(theme.valueAxis.splitLine.lineStyle.color);
  });
});

describe('what paper leaves to ECharts', () => {
  const base = cartesianOption(panels['executive-overview/revenue_by_region'] as PanelResult, { type: 'bar' }, en).option as Record<
    string,
    unknown
  >;
  it.each([
    ['a data zoom', { ...base, dataZoom: [{ type: 'inside' }] }],
    ['a mark line', { ...base, series: [{ ...(base.series as object[])[0], markLine: { data: [{ type: 'average' }] } }] }],
    ['a time axis', { ...base, xAxis: { type: 'time' } }],
    ['a scatter series', { ...base, series: [{ type: 'scatter', data: [1, 2] }] }],
    ['triangle symbols', { ...base, series: [{ type: 'line', data: [1, 2], symbol: 'triangle' }] }],
    [
      'an option its renderer trips over (a formatter that throws)',
      {
        ...base,
        yAxis: {
          type: 'value',
          axisLabel: {
            formatter: () => {
              throw new Error('broken formatter');
            },
          },
        },
      },
    ],
  ])('declines %s', (_, option) => {
    expect(paperChartSvg(option as EChartsOption, { width: 400, height: 300, theme })).toBeUndefined();
  });
});
