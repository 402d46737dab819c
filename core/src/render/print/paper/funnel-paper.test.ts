import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { funnelOption } from '../../client/chart-options/funnel-option.js';
import { chartContext } from '../../client/model/chart-context.js';
import { funnelPaper, wrapText } from './funnel-paper.js';
import { resolveMedia } from './option-media.js';
import { paperChartSvg } from './paper-chart.js';
import { paperStyle } from './paper-style.js';
import { demoPanels as panels, defaultTheme as theme } from './test-support/paper-fixtures.js';
import { textWidth } from './text-metrics.js';

const en = chartContext({ locale: 'en', animation: false });
const ru = chartContext({ locale: 'ru', animation: false });
// Leads 3115 → qualified 1748 → proposal 1069 → negotiation 563 → won 338.
const funnel = panels['sales-funnel/funnel'] as PanelResult;
const values = [3115, 1748, 1069, 563, 338];

const draw = (r: PanelResult, { width = 457, height = 440, ctx = en } = {}) =>
  paperChartSvg(funnelOption(r, ctx).option, { width, height, theme }) as string;
const stages = (svg: string) =>
  [...svg.matchAll(/<polygon points="([^"]+)" fill="([^"]+)"/g)].map((m) => {
    const p = (m[1] as string).split(' ').map(Number);
    // Points: top-left, top-right, bottom-right, bottom-left.
    return {
      top: p[1] as number,
      bottom: p[5] as number,
      topWidth: (p[2] as number) - (p[0] as number),
      bottomWidth: (p[4] as number) - (p[6] as number),
      fill: m[2],
    };
  });
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
const withStages = (rows: unknown[][]): PanelResult => ({ ...funnel, rows });

describe('funnel on paper', () => {
  it('draws the stages top to bottom in data order, in the theme palette', () => {
    const drawn = stages(draw(funnel));
    expect(drawn).toHaveLength(5);
    drawn.slice(1).forEach((s, i) => expect(s.top).toBeGreaterThan((drawn[i] as { bottom: number }).bottom));
    expect(drawn.map((s) => s.fill)).toEqual(theme.color.slice(0, 5));
    // Inside the option's box: top 8, bottom 8.
    expect(drawn[0]?.top).toBe(8);
    expect(drawn[4]?.bottom).toBe(440 - 8);
  });

  it('makes each stage as wide as its value (half the box at the largest, 8% of that at none)', () => {
    const drawn = stages(draw(funnel));
    const full = 457 * 0.5;
    const widthOf = (v: number) => full * 0.08 + (v / 3115) * full * 0.92;
    drawn.forEach((s, i) => {
      expect(s.topWidth).toBeCloseTo(widthOf(values[i] as number), 1);
      // Each narrows to the next stage's width; the last to the minimum.
      expect(s.bottomWidth).toBeCloseTo(widthOf(values[i + 1] ?? 0), 1);
    });
  });

  it('labels each stage on the right with its value and the conversion from the stage before', () => {
    expect(texts(draw(funnel))).toEqual([
      'Лиды: 3,115',
      'Квалифицированы: 1,748 · 56.1%',
      'Отправлено КП: 1,069 · 61.2%',
      'Переговоры: 563 · 52.7%',
      'Выиграны: 338 · 60%',
    ]);
    const svg = draw(funnel, { ctx: ru });
    expect(texts(svg)[1]).toMatch(/^Квалифицированы: 1\s748 · 56,1\s%$/);
    // On a line in the stage's colour.
    expect((svg.match(/<polyline [^>]*stroke="#2f6fed"/g) ?? []).length).toBe(1);
  });

  it('cuts a label longer than the label width (240) with an ellipsis', () => {
    const long = withStages([
      ['Leads from every channel we have ever advertised on, including the exhibitions', 100, null, 1],
      ['Won', 10, 0.1, 0.1],
    ]);
    const [first, second] = texts(draw(long));
    expect(first).toMatch(/…$/);
    expect(textWidth(first as string, 11)).toBeLessThanOrEqual(240);
    expect(second).toBe('Won: 10 · 10%');
  });

  it('on a narrow chart (≤ 420) wraps labels onto lines instead of cutting them', () => {
    const svg = draw(funnel, { width: 380, ctx: ru });
    const printed = texts(svg);
    expect(printed.some((t) => t.endsWith('…'))).toBe(false);
    expect(printed.length).toBeGreaterThan(5);
    // Every word of every label is printed.
    expect(printed.join(' ').replace(/\s+/g, ' ')).toContain('Квалифицированы: 1');
    for (const t of printed) expect(textWidth(t, 11)).toBeLessThanOrEqual(150);
  });

  it('wraps at spaces, and cuts only a word longer than a line', () => {
    const width = textWidth('Negotiation: 563', 11);
    expect(wrapText('Negotiation: 563 · 52.7%', width, 11)).toEqual(['Negotiation: 563', '· 52.7%']);
    const cut = wrapText('Qualified: Supercalifragilisticexpialidocious 1,748', textWidth('Qualified: Supercali', 11), 11);
    expect(cut[0]).toBe('Qualified:');
    expect(cut.join('')).toBe('Qualified:Supercalifragilisticexpialidocious 1,748');
    expect(cut.every((t) => textWidth(t, 11) <= textWidth('Qualified: Supercali', 11))).toBe(true);
  });

  it('escapes stage names', () => {
    const svg = draw(withStages([['<b>&"x"', 10, null, 1]]));
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;: 10');
  });

  it('leaves to ECharts what it does not draw', () => {
    const base = resolveMedia(funnelOption(funnel, en).option, 457, 440) as Record<string, any>;
    const box = { width: 457, height: 440, style: paperStyle(theme) };
    const withSeries = (patch: Record<string, unknown>) => ({ ...base, series: [{ ...base.series[0], ...patch }] });
    expect(funnelPaper(base as never, box)).toMatch(/^<svg /);
    expect(funnelPaper(withSeries({ orient: 'horizontal' }) as never, box)).toBeUndefined();
    expect(funnelPaper(withSeries({ sort: 'ascending' }) as never, box)).toBeUndefined();
    expect(funnelPaper(withSeries({ label: { ...base.series[0].label, position: 'inside' } }) as never, box)).toBeUndefined();
    expect(funnelPaper(withSeries({ label: { ...base.series[0].label, formatter: '{b}: {c}' } }) as never, box)).toBeUndefined();
    expect(funnelPaper({ ...base, legend: { show: true } } as never, box)).toBeUndefined();
  });
});
