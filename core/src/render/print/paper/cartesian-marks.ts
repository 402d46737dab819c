/**
 * @module The marks of a cartesian paper chart: bars in ECharts' slots (20% of a category empty,
 * 30% of a bar between bars, capped width, the value end rounded), areas, lines broken at missing
 * values, and their points.
 */

import type { Series } from './cartesian-series.js';
import type { PaperBox } from './paper-box.js';
import { escapeXml, num, roundedRect } from './svg-markup.js';

/** ECharts' defaults: 20% of a category left empty around its bars, 30% of a bar between bars. */
const CATEGORY_GAP = 0.2;
const BAR_GAP = 0.3;

export interface Geometry {
  horizontal: boolean;
  bands: boolean;
  step: number;
  catAt: (i: number) => number;
  valuePos: (axis: number, v: number) => number;
  style: PaperBox['style'];
}

export function drawSeries(series: Series[], n: number, g: Geometry): string {
  const out: string[] = [];
  // Bars: one slot per stack (or unstacked series) in each band, ECharts' gaps, capped width.
  const bars = series.filter((s) => s.type === 'bar');
  const slots = [...new Set(bars.map((s, i) => (s.stack === undefined ? `#${i}` : `${s.axis}|${s.stack}`)))];
  if (bars.length) {
    const room = g.step * (1 - CATEGORY_GAP);
    let width = room / (slots.length + (slots.length - 1) * BAR_GAP);
    const cap = Math.min(...bars.map((s) => s.barMaxWidth ?? Number.POSITIVE_INFINITY));
    width = Math.max(1, Math.min(width, cap));
    const total = slots.length * width + (slots.length - 1) * BAR_GAP * width;
    bars.forEach((s, b) => {
      const slot = slots.indexOf(s.stack === undefined ? `#${b}` : `${s.axis}|${s.stack}`);
      const radius = s.radius ?? (g.horizontal ? [0, 3, 3, 0] : g.style.barRadius);
      const fade = s.opacity < 1 ? ` fill-opacity="${num(s.opacity)}"` : '';
      for (let i = 0; i < n; i++) {
        const v = s.to[i];
        if (v === null || v === undefined) continue;
        const start = g.valuePos(s.axis, s.from[i] as number);
        const end = g.valuePos(s.axis, v);
        const across = g.catAt(i) - total / 2 + slot * width * (1 + BAR_GAP);
        const color = s.colors[i] ?? s.color;
        const attrs = `fill="${escapeXml(color)}"${fade}`;
        if (g.horizontal) {
          const negative = end < start;
          // Radius [tl, tr, br, bl] of a vertical bar turns with the bar: its value end is rounded.
          const r = negative ? [radius[1], radius[0], radius[3], radius[2]] : radius;
          out.push(roundedRect(Math.min(start, end), across, Math.abs(end - start), width, r as number[], attrs));
        } else {
          const negative = end > start;
          const r = negative ? [radius[3], radius[2], radius[1], radius[0]] : radius;
          out.push(roundedRect(across, Math.min(start, end), width, Math.abs(end - start), r as number[], attrs));
        }
      }
    });
  }
  // Areas under lines first, then the lines, then their points on top.
  const lines = series.filter((s) => s.type === 'line');
  for (const s of lines) {
    if (s.area === undefined) continue;
    for (const run of runs(s, n)) {
      const upper = run.map((i) => point(g, s, i, s.to[i] as number));
      const lower = run.map((i) => point(g, s, i, s.from[i] as number)).reverse();
      const d = `${pathThrough(upper, s.smooth)}L${pathThrough(lower, s.smooth).slice(1)}Z`;
      out.push(`<path d="${d}" fill="${escapeXml(s.color)}" fill-opacity="${num(s.area)}"/>`);
    }
  }
  for (const s of lines) {
    const dash = s.dashed ? ` stroke-dasharray="${num(s.lineWidth * 3)} ${num(s.lineWidth * 2)}"` : '';
    for (const run of runs(s, n)) {
      const pts = run.map((i) => point(g, s, i, s.to[i] as number));
      out.push(
        `<path d="${pathThrough(pts, s.smooth)}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="${num(s.lineWidth)}" stroke-linejoin="round"${dash}/>`,
      );
    }
  }
  for (const s of lines) {
    if (!s.symbolSize) continue;
    for (let i = 0; i < n; i++) {
      const v = s.to[i];
      if (v === null || v === undefined) continue;
      const [x, y] = point(g, s, i, v);
      out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(s.symbolSize / 2)}" fill="${escapeXml(s.colors[i] ?? s.color)}"/>`);
    }
  }
  return out.join('');
}

function point(g: Geometry, s: Series, i: number, v: number): [number, number] {
  const c = g.catAt(i);
  const p = g.valuePos(s.axis, v);
  return g.horizontal ? [p, c] : [c, p];
}

/** Index runs between missing values: a gap in the data is a gap in the line (`connectNulls: false`). */
function runs(s: Series, n: number): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < n; i++) {
    if (s.to[i] === null || s.to[i] === undefined) {
      if (run.length) out.push(run);
      run = [];
    } else run.push(i);
  }
  if (run.length) out.push(run);
  return out;
}

/** A polyline, or a smooth curve through the points (Catmull-Rom as cubic Béziers, tension 0.5 like `smooth: true`). */
function pathThrough(points: [number, number][], smooth: boolean): string {
  const [first] = points;
  if (!first) return '';
  let d = `M${num(first[0])} ${num(first[1])}`;
  if (!smooth || points.length < 3) {
    for (const [x, y] of points.slice(1)) d += `L${num(x)} ${num(y)}`;
    return d;
  }
  const k = 0.5 / 3;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)] as [number, number];
    const p1 = points[i] as [number, number];
    const p2 = points[i + 1] as [number, number];
    const p3 = points[Math.min(points.length - 1, i + 2)] as [number, number];
    const c1 = [p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k];
    const c2 = [p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k];
    d += `C${num(c1[0] as number)} ${num(c1[1] as number)} ${num(c2[0] as number)} ${num(c2[1] as number)} ${num(p2[0])} ${num(p2[1])}`;
  }
  return d;
}
