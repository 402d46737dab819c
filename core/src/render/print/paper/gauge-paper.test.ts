/**
 * Gauges on paper, built by the real option builder: the value prints as the builder formats it,
 * the caption under it line by line, the progress arc turns through value / max of the half dial
 * (and stops at its end past max), it is coloured by attainment of plan, every text is escaped,
 * and an option asking for what paper does not draw is left to ECharts.
 */
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { gaugeOption } from '../../client/chart-options/gauge-option.js';
import { type ChartContext, chartContext } from '../../client/model/chart-context.js';
import { gaugePaper } from './gauge-paper.js';
import { resolveMedia } from './option-media.js';
import { paperChartSvg } from './paper-chart.js';
import { paperStyle } from './paper-style.js';
import { decodeXml as decode, defaultTheme as theme } from './test-support/paper-fixtures.js';

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });
type AnyOption = Record<string, any>;

/** A KPI against its plan: calls, the plan and attainment (the builder reads the `_target`/`_attainment` companions). */
function planned(attainment: number, plan = 1000): PanelResult {
  return {
    id: 'calls',
    columns: [
      { name: 'calls', type: 'integer', role: 'measure', label: 'Calls' },
      { name: 'calls_target', type: 'number', role: 'measure', label: 'Calls · plan' },
      { name: 'calls_attainment', type: 'number', role: 'measure', format: 'percent', label: 'Calls · % of plan' },
    ],
    rows: [[Math.round(attainment * plan), plan, attainment]],
  };
}

/** A share without a plan: the dial runs 0–100%. */
function share(value: number, label = 'Answered'): PanelResult {
  return { id: 'share', columns: [{ name: 'answered', type: 'number', role: 'measure', format: 'percent', label }], rows: [[value]] };
}

/** Wide enough for the base option (radius 135% of half the height, centre at 50% / 76%). */
const wide = { width: 400, height: 200 };
const dial = { cx: 200, cy: 152, r: 135 };

function draw(option: EChartsOption, size = wide): string {
  const svg = paperChartSvg(option, { ...size, theme });
  if (svg === undefined) throw new Error('declined');
  return svg;
}
const gauge = (result: PanelResult, ctx: ChartContext = en) => gaugeOption(result, ctx).option;
/** The builder's series after its media query for `size`, for checking the drawing against the option. */
const seriesFor = (option: EChartsOption, size = wide) => (resolveMedia(option, size.width, size.height) as AnyOption).series[0];

/** A deep copy that keeps the formatters (functions), so one case's change does not leak into the next. */
const clone = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(clone) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) : v;
const texts = (svg: string) =>
  [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    text: decode(m[2] as string),
    y: Number(/ y="([-\d.]+)"/.exec(m[1] as string)?.[1]),
    size: Number(/font-size="([\d.]+)"/.exec(m[1] as string)?.[1]),
  }));
/** The arcs: [track, progress?], each with its fill and the end point of its outer arc. */
const arcs = (svg: string) =>
  [...svg.matchAll(/<path d="M([-\d.]+) ([-\d.]+)A[\d.]+ [\d.]+ 0 [01] 1 ([-\d.]+) ([-\d.]+)[^"]*" fill="([^"]+)"/g)].map((m) => ({
    start: [Number(m[1]), Number(m[2])],
    end: [Number(m[3]), Number(m[4])],
    fill: m[5],
  }));
/** Where an arc point sits on the dial: 0 at the left end (min), 1 at the right end (max). */
const along = ([x, y]: number[]) => 1 - Math.atan2(dial.cy - (y as number), (x as number) - dial.cx) / Math.PI;

describe('gauge on paper', () => {
  it('prints the value as the builder formats it, big and bold, above the centre', () => {
    const option = gauge(planned(0.912));
    const svg = draw(option);
    const detail = texts(svg).find((t) => t.size === 22);
    expect(detail?.text).toBe(seriesFor(option).detail.formatter());
    expect(detail?.text).toBe('91.2%');
    expect(svg).toContain('font-weight="600"');
    // offsetCenter [0, '-22%'] of the radius.
    expect(detail?.y).toBeCloseTo(dial.cy - 0.22 * dial.r, 1);
  });

  it('prints the caption under the value, one text per line, 14px apart', () => {
    const result = planned(0.912);
    result.columns.push({ name: 'calls_run_rate_attainment', type: 'number', role: 'measure', format: 'percent', label: 'Run-rate' });
    (result.rows[0] as unknown[]).push(1.067);
    const svg = draw(gauge(result));
    const lines = texts(svg).filter((t) => t.size === 11);
    expect(lines.map((t) => t.text)).toEqual(['912 / Plan 1,000', 'run-rate: 106.7%']);
    expect((lines[1]?.y as number) - (lines[0]?.y as number)).toBeCloseTo(14, 5);
    // The pair is centred on offsetCenter [0, '16%'].
    expect(((lines[0]?.y as number) + (lines[1]?.y as number)) / 2).toBeCloseTo(dial.cy + 0.16 * dial.r, 1);
  });

  it('turns the progress arc through value / max of the half dial, from the left end', () => {
    for (const value of [0.25, 0.5, 0.9]) {
      const option = gauge(share(value));
      expect(seriesFor(option).max).toBe(1);
      const [track, progress] = arcs(draw(option));
      expect(along(track?.start as number[])).toBeCloseTo(0, 3);
      expect(along(track?.end as number[])).toBeCloseTo(1, 3);
      expect(progress?.start).toEqual(track?.start);
      expect(along(progress?.end as number[])).toBeCloseTo(value, 2);
    }
  });

  it('stops the progress at the end of the dial when the value passes max', () => {
    const option = gauge(share(0.5)) as AnyOption;
    option.baseOption.series[0].max = 0.4;
    const [track, progress] = arcs(draw(option));
    expect(progress?.end).toEqual(track?.end);
  });

  it('draws no progress at zero, only the track', () => {
    expect(arcs(draw(gauge(share(0))))).toHaveLength(1);
  });

  it('colours the progress by attainment of plan: red below 80%, amber below 100%, green from 100%', () => {
    const progressFill = (attainment: number) => arcs(draw(gauge(planned(attainment))))[1]?.fill;
    expect(progressFill(0.5)).toBe('#d64545');
    expect(progressFill(0.9)).toBe('#e0a030');
    expect(progressFill(1.05)).toBe('#2e9e5b');
    // Without a plan: the theme's progress colour on the theme's track.
    const [track, progress] = arcs(draw(gauge(share(0.5))));
    expect(progress?.fill).toBe('#2f6fed');
    expect(track?.fill).toBe('#e3e7ef');
  });

  it('follows the builder on a tall box: radius 90% and centre 66% down', () => {
    const size = { width: 204, height: 300 };
    const [track] = arcs(draw(gauge(share(0.5)), size));
    // r = 0.9 · 204/2; the dial's left end at (cx − r, 0.66 · 300).
    expect(track?.start[0]).toBeCloseTo(102 - 91.8, 1);
    expect(track?.start[1]).toBeCloseTo(198, 1);
  });

  it('prints Russian numbers and captions as the builder formats them', () => {
    const option = gauge(planned(0.912), ru);
    const svg = draw(option);
    const printed = texts(svg).map((t) => t.text);
    expect(printed).toContain(seriesFor(option).detail.formatter());
    expect(printed.some((t) => t.includes('План'))).toBe(true);
  });

  it('escapes the caption: markup in a measure label prints as text', () => {
    const svg = draw(gauge(share(0.5, '<b>&"x"')));
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(texts(svg).map((t) => t.text)).toContain('<b>&"x"');
  });

  it('leaves to ECharts what it does not draw: a pointer, ticks, two dials, unknown settings', () => {
    const box = { ...wide, style: paperStyle(theme) };
    const resolved = () => clone(resolveMedia(gauge(share(0.5)), wide.width, wide.height)) as AnyOption;
    const withSeries = (change: (s: AnyOption) => void) => {
      const o = resolved();
      change(o.series[0]);
      return o as EChartsOption;
    };
    expect(gaugePaper(resolved() as EChartsOption, box)).toBeDefined();
    expect(
      gaugePaper(
        withSeries((s) => Object.assign(s, { pointer: { show: true } })),
        box,
      ),
    ).toBeUndefined();
    expect(
      gaugePaper(
        withSeries((s) => Object.assign(s, { axisTick: {} })),
        box,
      ),
    ).toBeUndefined();
    expect(
      gaugePaper(
        withSeries((s) => Object.assign(s, { axisLine: { roundCap: true } })),
        box,
      ),
    ).toBeUndefined();
    expect(
      gaugePaper(
        withSeries((s) => s.data.push({ value: 0.3, name: 'Second' })),
        box,
      ),
    ).toBeUndefined();
    expect(
      gaugePaper(
        withSeries((s) => Object.assign(s, { markPoint: {} })),
        box,
      ),
    ).toBeUndefined();
    expect(gaugePaper({ ...resolved(), title: { text: 'A chart title' } } as EChartsOption, box)).toBeUndefined();
  });
});
