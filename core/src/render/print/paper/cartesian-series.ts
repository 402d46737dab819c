/**
 * @module The bar and line series of a cartesian option as paper draws them: values (a missing one
 * stays missing), colours from the theme's palette or the item, stacking positives on positives and
 * negatives on negatives, as ECharts stacks.
 */
import type { EChartsOption } from 'echarts';
import { isPlain, numberOr } from './option-read.js';
import { type PaperBox, seriesOf } from './paper-box.js';

/** What a paper series reads; any other key means ECharts must draw the chart. */
const SERIES_KEYS = new Set([
  'type',
  'name',
  'data',
  'xAxisIndex',
  'yAxisIndex',
  'barMaxWidth',
  'stack',
  'itemStyle',
  'emphasis',
  'symbol',
  'symbolSize',
  'connectNulls',
  'lineStyle',
  'areaStyle',
  'smooth',
]);

export interface Series {
  type: 'bar' | 'line';
  name: string;
  color: string;
  values: (number | null)[];
  /** Per-point colour overrides (the greyed "Other" bar). */
  colors: (string | undefined)[];
  axis: number;
  stack?: string;
  opacity: number;
  radius?: number[];
  barMaxWidth?: number;
  symbolSize: number;
  lineWidth: number;
  dashed: boolean;
  area?: number;
  smooth: boolean;
  /** Stacked start and end per point (start = 0 for an unstacked series). */
  from: number[];
  to: (number | null)[];
}

export function readSeries(option: EChartsOption, box: PaperBox, horizontal: boolean): Series[] | undefined {
  const out: Series[] = [];
  for (const [i, raw] of seriesOf(option).entries()) {
    if (Object.keys(raw).some((k) => !SERIES_KEYS.has(k))) return undefined;
    const type = raw.type;
    if (type !== 'bar' && type !== 'line') return undefined;
    const itemStyle = isPlain(raw.itemStyle) ? raw.itemStyle : {};
    const lineStyle = isPlain(raw.lineStyle) ? raw.lineStyle : {};
    const values: (number | null)[] = [];
    const colors: (string | undefined)[] = [];
    for (const d of Array.isArray(raw.data) ? raw.data : []) {
      const item = isPlain(d) ? d : undefined;
      const v = item ? item.value : d;
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
      const color = item && isPlain(item.itemStyle) ? item.itemStyle.color : undefined;
      colors.push(typeof color === 'string' ? color : undefined);
    }
    const symbol = raw.symbol ?? 'circle';
    if (symbol !== 'circle' && symbol !== 'none') return undefined;
    const axis = numberOr(horizontal ? raw.xAxisIndex : raw.yAxisIndex, 0);
    const radius = itemStyle.borderRadius;
    out.push({
      type,
      name: typeof raw.name === 'string' ? raw.name : `series${i}`,
      color: typeof itemStyle.color === 'string' ? itemStyle.color : (box.style.palette[i % box.style.palette.length] as string),
      values,
      colors,
      axis,
      ...(typeof raw.stack === 'string' ? { stack: raw.stack } : {}),
      opacity: numberOr(itemStyle.opacity, 1),
      ...(typeof radius === 'number'
        ? { radius: [radius, radius, radius, radius] }
        : Array.isArray(radius)
          ? { radius: radius as number[] }
          : {}),
      ...(typeof raw.barMaxWidth === 'number' ? { barMaxWidth: raw.barMaxWidth } : {}),
      symbolSize: symbol === 'none' ? 0 : numberOr(raw.symbolSize, box.style.symbolSize),
      lineWidth: numberOr(lineStyle.width, box.style.lineWidth),
      dashed: lineStyle.type === 'dashed',
      ...(isPlain(raw.areaStyle) ? { area: numberOr(raw.areaStyle.opacity, 0.7) } : {}),
      smooth: typeof raw.smooth === 'boolean' ? raw.smooth : box.style.lineSmooth,
      from: [],
      to: [],
    });
  }
  return out;
}

/** Stacks series that share `stack` and an axis: positives on positives, negatives on negatives. */
export function stackSeries(series: Series[], count: number): void {
  const tops = new Map<string, { up: number[]; down: number[] }>();
  for (const s of series) {
    const key = s.stack === undefined ? undefined : `${s.axis}|${s.stack}`;
    let base = key ? tops.get(key) : undefined;
    if (key && !base) {
      base = { up: new Array(count).fill(0), down: new Array(count).fill(0) };
      tops.set(key, base);
    }
    for (let i = 0; i < count; i++) {
      const v = s.values[i] ?? null;
      if (!base) {
        s.from.push(0);
        s.to.push(v);
        continue;
      }
      const side = v !== null && v < 0 ? base.down : base.up;
      const start = side[i] as number;
      s.from.push(start);
      s.to.push(v === null ? null : start + v);
      if (v !== null) side[i] = start + v;
    }
  }
}
