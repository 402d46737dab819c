/**
 * @module Gauge charts on paper: the dial `gauge-option.ts` builds — a track arc, a progress arc from
 * min to the value, the value as text inside and the caption under it — with ECharts' geometry
 * (`GaugeView`): radius and offsets as shares of the dial's radius, sectors with butt ends. Ticks,
 * split lines, axis labels, pointer and anchor are not drawn here, so an option that shows any of
 * them is declined.
 */

import { finite, only, type Plain, percentOf, plainOf } from './option-read.js';
import type { PaperRenderer } from './paper-box.js';
import { seriesOf } from './paper-box.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';
import { fitText } from './text-metrics.js';

/** A part that must be hidden: anything but `show: false` (ECharts shows these by default) is declined. */
const hidden = (part: unknown) => plainOf(part)?.show === false;

/** Top-level keys that draw nothing on paper (motion, screen-reader text, hover boxes). */
const OPTION_KEYS = ['animation', 'aria', 'tooltip', 'series'];
const SERIES_KEYS = [
  'type',
  'name',
  'min',
  'max',
  'radius',
  'center',
  'startAngle',
  'endAngle',
  'clockwise',
  'splitNumber',
  'progress',
  'pointer',
  'axisLine',
  'axisTick',
  'splitLine',
  'axisLabel',
  'anchor',
  'detail',
  'title',
  'data',
  'z',
];
const TEXT_KEYS = ['show', 'offsetCenter', 'fontSize', 'fontWeight', 'lineHeight', 'color', 'valueAnimation'];

/**
 * A ring sector between radii r0 < r from angle a0 clockwise to a1 (screen radians, y down), as
 * zrender's Sector draws it: outer arc, straight butt end, inner arc back, closed.
 */
function sector(cx: number, cy: number, r0: number, r: number, a0: number, a1: number, fill: string): string {
  const at = (radius: number, a: number) => `${num(cx + radius * Math.cos(a))} ${num(cy + radius * Math.sin(a))}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const d = `M${at(r, a0)}A${num(r)} ${num(r)} 0 ${large} 1 ${at(r, a1)}L${at(r0, a1)}A${num(r0)} ${num(r0)} 0 ${large} 0 ${at(r0, a0)}Z`;
  return `<path d="${d}" fill="${escapeXml(fill)}"/>`;
}

/** ECharts' detail formatter: a function of the value, or a template with `{value}`; without one, the value itself. */
function formatValue(value: number, formatter: unknown): string | undefined {
  if (formatter === undefined) return String(value);
  if (typeof formatter === 'string') return formatter.replace('{value}', String(value));
  if (typeof formatter === 'function') {
    const text = (formatter as (v: number) => unknown)(value);
    return typeof text === 'string' || typeof text === 'number' ? String(text) : undefined;
  }
  return undefined;
}

export const gaugePaper: PaperRenderer = (option, box) => {
  if (!only(option, OPTION_KEYS)) return undefined;
  const all = seriesOf(option);
  const s = all[0];
  if (all.length !== 1 || !s || !only(s, SERIES_KEYS)) return undefined;
  // Only the dial itself is drawn: every ornament ECharts would add must be switched off.
  if (![s.pointer, s.axisTick, s.splitLine, s.axisLabel].every(hidden) || plainOf(s.anchor)?.show === true) return undefined;

  const progress = plainOf(s.progress);
  const axisLine = plainOf(s.axisLine);
  const lineStyle = plainOf(axisLine?.lineStyle);
  if (progress?.show !== true || !only(progress, ['show', 'width', 'itemStyle', 'overlap', 'roundCap', 'clip'])) return undefined;
  if (progress.overlap === false || progress.roundCap === true || progress.clip === false) return undefined;
  if (!only(progress.itemStyle, ['color']) || !only(axisLine, ['show', 'roundCap', 'lineStyle']) || !only(lineStyle, ['width', 'color']))
    return undefined;
  if (axisLine?.show === false || axisLine?.roundCap === true) return undefined;
  const detail = plainOf(s.detail) ?? {};
  const title = plainOf(s.title) ?? {};
  if (!only(detail, [...TEXT_KEYS, 'formatter']) || !only(title, TEXT_KEYS)) return undefined;

  // One datum: a number or { value, name }.
  const data = Array.isArray(s.data) ? s.data : [];
  const datum = data[0];
  const item = plainOf(datum);
  const value = finite(datum) ? datum : item?.value;
  const name = item?.name ?? '';
  if (data.length !== 1 || !finite(value) || typeof name !== 'string') return undefined;

  const min = s.min ?? 0;
  const max = s.max ?? 100;
  const startDeg = s.startAngle ?? 225;
  const endDeg = s.endAngle ?? -45;
  if (!finite(min) || !finite(max) || !(max > min) || !finite(startDeg) || !finite(endDeg) || s.clockwise === false) return undefined;
  // Screen angles (y down), clockwise from start to end as zrender normalises them; a full ring is not handled.
  const a0 = (-startDeg * Math.PI) / 180;
  let a1 = (-endDeg * Math.PI) / 180;
  if (a1 <= a0) a1 = a0 + (2 * Math.PI - ((((a0 - a1) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)));
  if (!(a1 - a0 > 0 && a1 - a0 < 2 * Math.PI - 1e-9)) return undefined;

  // Position as ECharts' parsePosition: centre as shares of the box, radius of half the shorter side.
  const center = Array.isArray(s.center) ? s.center : ['50%', '50%'];
  const cx = percentOf(center[0], box.width);
  const cy = percentOf(center[1], box.height);
  const r = percentOf(s.radius ?? '75%', Math.min(box.width, box.height) / 2);
  if (cx === undefined || cy === undefined || r === undefined || !(r > 0)) return undefined;

  const trackStops = lineStyle?.color;
  // A colour-stop list paints the track in bands; only a single band (one colour) is drawn here.
  const trackColor =
    trackStops === undefined
      ? box.style.gauge.track
      : Array.isArray(trackStops) && trackStops.length === 1 && Array.isArray(trackStops[0]) && typeof trackStops[0][1] === 'string'
        ? (trackStops[0][1] as string)
        : undefined;
  const trackWidth = lineStyle?.width ?? 10;
  const progressWidth = progress.width ?? 10;
  const progressColor = plainOf(progress.itemStyle)?.color ?? box.style.gauge.progress;
  if (trackColor === undefined || !finite(trackWidth) || !finite(progressWidth) || typeof progressColor !== 'string') return undefined;

  let body = sector(cx, cy, Math.max(0, r - trackWidth), r, a0, a1, trackColor);
  // Progress is clipped to [min, max] (ECharts' `progress.clip`); nothing is drawn at min.
  const t = Math.min(1, Math.max(0, (value - min) / (max - min)));
  if (t > 0) body += sector(cx, cy, Math.max(0, r - progressWidth), r, a0, a0 + (a1 - a0) * t, progressColor);

  const offset = (part: Plain, fallback: unknown[]) => {
    const o = Array.isArray(part.offsetCenter) ? part.offsetCenter : fallback;
    const x = percentOf(o[0], r);
    const y = percentOf(o[1], r);
    return x === undefined || y === undefined ? undefined : [cx + x, cy + y];
  };

  if (title.show !== false && name) {
    const at = offset(title, [0, '20%']);
    const size = title.fontSize ?? 16;
    const lineHeight = title.lineHeight ?? size;
    const color = title.color ?? box.style.gauge.title;
    if (!at || !finite(size) || !finite(lineHeight) || typeof color !== 'string') return undefined;
    // Lines stack about the title's point (ECharts' verticalAlign 'middle' for the whole block).
    const lines = name.split('\n');
    lines.forEach((line, i) => {
      const y = (at[1] as number) + (i - (lines.length - 1) / 2) * lineHeight;
      body += svgText(at[0] as number, y, fitText(line, box.width, size), { anchor: 'middle', size, color, ...weight(title.fontWeight) });
    });
  }

  if (detail.show !== false) {
    const at = offset(detail, [0, '40%']);
    const size = detail.fontSize ?? 30;
    const color = detail.color ?? box.style.gauge.detail;
    const text = formatValue(value, detail.formatter);
    if (!at || !finite(size) || typeof color !== 'string' || text === undefined) return undefined;
    body += svgText(at[0] as number, at[1] as number, text, { anchor: 'middle', size, color, ...weight(detail.fontWeight ?? 'bold') });
  }

  return svgDocument(box.width, box.height, box.style.fontFamily, box.style.text, body);
};

/** A font weight as the text style takes it (a number or a keyword: svgText writes it unescaped); 'normal' is the default. */
function weight(value: unknown): { weight?: number | string } {
  return finite(value) || (typeof value === 'string' && /^[a-z]+$/.test(value) && value !== 'normal') ? { weight: value } : {};
}
