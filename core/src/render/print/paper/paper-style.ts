/**
 * @module What paper charts take from the theme's ECharts theme object (`themes/<name>/echarts-theme.json`):
 * palette, fonts, axis, legend, gauge and visual-map colours — the same keys ECharts reads, so a
 * theme restyles the printed charts as it does the screen ones. Missing keys fall back to ECharts'
 * own defaults.
 */
import { numberOr, plainOf } from './option-read.js';

export interface PaperStyle {
  palette: string[];
  fontFamily: string;
  text: string;
  legendText: string;
  /** Colours of what is shown; `ticks` when the axis draws tick marks (in the axis line's colour). */
  categoryAxis: { line?: string; label: string; split?: string; ticks: boolean };
  valueAxis: { line?: string; label: string; split?: string; ticks: boolean };
  /** [top-left, top-right, bottom-right, bottom-left] of a vertical bar. */
  barRadius: number[];
  lineWidth: number;
  symbolSize: number;
  /** Lines drawn smooth unless a series says otherwise (the theme's `line.smooth`). */
  lineSmooth: boolean;
  pieBorder: { color: string; width: number };
  funnelBorder: { color: string; width: number };
  gauge: { track: string; progress: string; title: string; detail: string };
  visualMap: { colors: string[]; text: string };
}

const ECHARTS_PALETTE = ['#5070dd', '#b6d634', '#505372', '#ff994d', '#0ca8df', '#ffd10a', '#fb628b', '#785db0', '#3fbe95'];

const at = (root: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => plainOf(v)?.[k], root);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

function axis(theme: unknown, key: string, defaults: { line: boolean; split: boolean; ticks: boolean }) {
  const shown = (part: string, fallback: boolean) => {
    const show = at(theme, key, part, 'show');
    return typeof show === 'boolean' ? show : fallback;
  };
  const line = shown('axisLine', defaults.line) ? str(at(theme, key, 'axisLine', 'lineStyle', 'color'), '#6e7079') : undefined;
  const split = shown('splitLine', defaults.split) ? str(at(theme, key, 'splitLine', 'lineStyle', 'color'), '#e0e6f1') : undefined;
  return {
    ...(line ? { line } : {}),
    label: str(at(theme, key, 'axisLabel', 'color'), '#6e7079'),
    ...(split ? { split } : {}),
    ticks: shown('axisTick', defaults.ticks),
  };
}

function radius(v: unknown): number[] {
  if (typeof v === 'number') return [v, v, v, v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return [0, 1, 2, 3].map((i) => (v[i] ?? v[0] ?? 0) as number);
  return [0, 0, 0, 0];
}

const cache = new WeakMap<object, PaperStyle>();
const EMPTY = {};

export function paperStyle(theme: object | undefined): PaperStyle {
  const key = theme ?? EMPTY;
  const hit = cache.get(key);
  if (hit) return hit;
  const palette = at(theme, 'color');
  const text = str(at(theme, 'textStyle', 'color'), '#333333');
  const trackStops = at(theme, 'gauge', 'axisLine', 'lineStyle', 'color');
  const firstStop = Array.isArray(trackStops) && Array.isArray(trackStops[0]) ? trackStops[0][1] : undefined;
  const visual = at(theme, 'visualMap', 'inRange', 'color');
  const style: PaperStyle = {
    palette:
      Array.isArray(palette) && palette.length && palette.every((c) => typeof c === 'string') ? (palette as string[]) : ECHARTS_PALETTE,
    fontFamily: str(at(theme, 'textStyle', 'fontFamily'), 'sans-serif'),
    text,
    legendText: str(at(theme, 'legend', 'textStyle', 'color'), text),
    categoryAxis: axis(theme, 'categoryAxis', { line: true, split: false, ticks: true }),
    valueAxis: axis(theme, 'valueAxis', { line: false, split: true, ticks: false }),
    barRadius: radius(at(theme, 'bar', 'itemStyle', 'borderRadius')),
    lineWidth: numberOr(at(theme, 'line', 'lineStyle', 'width'), 2),
    symbolSize: numberOr(at(theme, 'line', 'symbolSize'), 4),
    lineSmooth: at(theme, 'line', 'smooth') === true,
    pieBorder: {
      color: str(at(theme, 'pie', 'itemStyle', 'borderColor'), '#ffffff'),
      width: numberOr(at(theme, 'pie', 'itemStyle', 'borderWidth'), 0),
    },
    funnelBorder: {
      color: str(at(theme, 'funnel', 'itemStyle', 'borderColor'), '#ffffff'),
      width: numberOr(at(theme, 'funnel', 'itemStyle', 'borderWidth'), 1),
    },
    gauge: {
      track: str(firstStop, '#e6ebf8'),
      progress: str(
        at(theme, 'gauge', 'progress', 'itemStyle', 'color'),
        (Array.isArray(palette) ? palette[0] : undefined) ?? ECHARTS_PALETTE[0],
      ),
      title: str(at(theme, 'gauge', 'title', 'color'), '#464646'),
      detail: str(at(theme, 'gauge', 'detail', 'color'), '#464646'),
    },
    visualMap: {
      colors: Array.isArray(visual) && visual.length >= 2 ? (visual as string[]) : ['#f6efa6', '#d88273', '#bf444c'],
      text: str(at(theme, 'visualMap', 'textStyle', 'color'), text),
    },
  };
  cache.set(key, style);
  return style;
}

/** `#rgb` / `#rrggbb` → [r, g, b]; undefined for anything else (named colours, rgba()). */
const parsed = new Map<string, [number, number, number] | undefined>();

export function parseHex(color: string): [number, number, number] | undefined {
  // A heatmap asks for the same few stops once per cell.
  if (parsed.has(color)) return parsed.get(color);
  const rgb = readHex(color);
  if (parsed.size < 256) parsed.set(color, rgb);
  return rgb;
}

function readHex(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = (m[1] as string).length === 3 ? Array.from(m[1] as string, (c) => c + c).join('') : (m[1] as string);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The colour at t ∈ [0, 1] along a gradient of hex stops (ECharts' visualMap `inRange.color`). */
export function interpolateColor(stops: string[], t: number): string {
  const rgb = stops.map(parseHex);
  if (rgb.some((c) => !c)) return stops[Math.round(Math.max(0, Math.min(1, t)) * (stops.length - 1))] as string;
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const a = rgb[i] as number[];
  const b = rgb[i + 1] as number[];
  const f = x - i;
  const mix = a.map((v, k) => Math.round(v + ((b[k] as number) - v) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
