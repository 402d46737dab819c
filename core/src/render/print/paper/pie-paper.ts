/**
 * @module Pie and donut charts on paper, laid out as ECharts' pie does (`pieLayout`, `pie/labelLayout`):
 * slices clockwise from `startAngle`, outside labels on two-segment lines spread apart vertically on
 * each side of the pie, or shares inside the slices; the legend below prints every name.
 */

import { labelText, percentOf } from './label-text.js';
import { type LegendLayout, layoutLegend } from './legend.js';
import { type PaperBox, type PaperRenderer, seriesOf } from './paper-box.js';
import { parseHex } from './paper-style.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-metrics.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
/** Whether `v` is absent or an object with no key beyond `keys`: a setting we do not draw means ECharts must. */
const only = (v: unknown, keys: string[]): boolean => v === undefined || (!!obj(v) && Object.keys(v as Obj).every((k) => keys.includes(k)));
const numberOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const FULL = 2 * Math.PI - 1e-9;

/** ECharts' pie `percent`: shares rounded to `precision` decimals by the largest remainder, so they add up to 100. */
function percentSeats(values: number[], total: number, precision: number): number[] {
  const digits = 10 ** precision;
  const quota = values.map((v) => (v / total) * digits * 100);
  const seats = quota.map((q) => Math.floor(q));
  const rest = quota.map((q, i) => q - (seats[i] as number));
  for (let left = digits * 100 - seats.reduce((a, s) => a + s, 0); left > 0; left--) {
    let i = 0;
    for (let k = 1; k < rest.length; k++) if ((rest[k] as number) > (rest[i] as number)) i = k;
    seats[i] = (seats[i] as number) + 1;
    rest[i] = 0;
  }
  return seats.map((s) => s / digits);
}

interface Slice {
  name: string;
  value: number;
  color: string;
  raw: unknown;
  /** Radians on screen (y down), clockwise; a0 === a1 for a value that draws no slice. */
  a0: number;
  a1: number;
  percent: number;
}

/** Data (`value` or `{ name, value, itemStyle: { color } }`) as slices; undefined for an item setting we do not draw. */
function readSlices(series: Obj, palette: string[]): Slice[] | undefined {
  const seriesColor = obj(series.itemStyle)?.color;
  if (seriesColor !== undefined && typeof seriesColor !== 'string') return undefined;
  const slices: Slice[] = [];
  for (const [i, raw] of (series.data as unknown[]).entries()) {
    const item: Obj | undefined = typeof raw === 'number' || raw === null ? { value: raw } : obj(raw);
    if (!item || !only(item, ['name', 'value', 'itemStyle', 'tooltip', 'emphasis']) || !only(item.itemStyle, ['color'])) return undefined;
    const own = obj(item.itemStyle)?.color;
    if ((own !== undefined && typeof own !== 'string') || (item.value != null && typeof item.value !== 'number')) return undefined;
    const color = (own as string | undefined) ?? seriesColor ?? (palette[i % palette.length] as string);
    // Zero, negative and missing values draw no slice (ECharts' would be empty or meaningless).
    const value = typeof item.value === 'number' && Number.isFinite(item.value) ? item.value : 0;
    slices.push({ name: String(item.name ?? ''), value, color, raw, a0: 0, a1: 0, percent: 0 });
  }
  const shares = slices.map((s) => Math.max(0, s.value));
  const total = shares.reduce((a, v) => a + v, 0);
  // All empty: ECharts draws its grey placeholder circle.
  if (!(total > 0)) return undefined;
  const percents = percentSeats(shares, total, numberOr(series.percentPrecision, 2));
  // startAngle is in degrees counter-clockwise from 3 o'clock; on screen (y down) clockwise is +.
  let angle = (-numberOr(series.startAngle, 90) * Math.PI) / 180;
  slices.forEach((s, i) => {
    s.a0 = angle;
    angle += ((shares[i] as number) / total) * 2 * Math.PI;
    s.a1 = angle;
    s.percent = percents[i] as number;
  });
  return slices;
}

/**
 * The legend at the bottom with every name, wrapped onto rows (paper cannot page it as ECharts'
 * scroll legend does); null when the option hides it, undefined for a legend we do not draw.
 */
function pieLegend(
  option: Obj,
  slices: Slice[],
  box: PaperBox,
): { layout: LegendLayout; top: number; rowHeight: number } | null | undefined {
  const legend = obj(option.legend);
  if (!legend || legend.show === false) return null;
  if (!only(legend, ['type', 'show', 'top', 'bottom', 'left', 'right', 'itemWidth', 'itemHeight', 'textStyle'])) return undefined;
  if (legend.top !== undefined || typeof legend.bottom !== 'number' || !only(legend.textStyle, ['fontSize', 'color'])) return undefined;
  const text = obj(legend.textStyle) ?? {};
  const fontSize = numberOr(text.fontSize, 12);
  const itemHeight = numberOr(legend.itemHeight, 10);
  // One entry per name, as ECharts' legend.
  const items = [...new Map(slices.map((s) => [s.name, s.color])).entries()].map(([name, color]) => ({ name, color }));
  const layout = layoutLegend(items, {
    x: 5,
    width: box.width - 10,
    center: true,
    itemWidth: numberOr(legend.itemWidth, 14),
    itemHeight,
    fontSize,
    color: typeof text.color === 'string' ? text.color : box.style.legendText,
  });
  // ECharts' legend padding is 5 on every side.
  return { layout, top: box.height - legend.bottom - 5 - layout.height, rowHeight: Math.max(itemHeight, fontSize + 2) };
}

interface Label {
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  anchor: 'start' | 'middle' | 'end';
  /** When labels overlap the larger slice keeps its label (ECharts ranks by the slice's size). */
  priority: number;
  color: string;
  /** Stroke behind the glyphs, so text stays legible across a label line or a slice edge (ECharts' text stroke). */
  halo?: string;
  /** The slice's colour: its label line's. */
  fill: string;
  /** Outside labels: slice edge, turn, label end; and the slice's outward normal at the edge. */
  line?: [number, number][];
  nx: number;
  ny: number;
  hidden?: boolean;
}

interface PieGeometry {
  cx: number;
  cy: number;
  r0: number;
  r: number;
}

const LABEL_KEYS = [
  'show',
  'position',
  'formatter',
  'overflow',
  'width',
  'lineHeight',
  'fontSize',
  'color',
  'distanceToLabelLine',
  'alignTo',
];

/** Labels where ECharts puts them before overlap handling; undefined when a label cannot be written. */
function sliceLabels(series: Obj, slices: Slice[], g: PieGeometry, textColor: string): Label[] | undefined {
  const label = obj(series.label) ?? {};
  const labelLine = obj(series.labelLine) ?? {};
  if (label.show === false) return [];
  const inside = label.position === 'inside' || label.position === 'inner';
  const fontSize = numberOr(label.fontSize, 12);
  const lineHeight = numberOr(label.lineHeight, fontSize);
  const maxWidth = numberOr(label.width, Number.POSITIVE_INFINITY);
  const len1 = numberOr(labelLine.length, 15);
  const len2 = numberOr(labelLine.length2, 30);
  const distance = numberOr(label.distanceToLabelLine, 5);
  const labels: Label[] = [];
  for (const [dataIndex, s] of slices.entries()) {
    if (s.a1 - s.a0 <= 0) continue;
    // The params ECharts passes a label formatter.
    const text = labelText(label.formatter, {
      componentType: 'series',
      seriesType: 'pie',
      seriesIndex: 0,
      seriesName: String(series.name ?? ''),
      name: s.name,
      dataIndex,
      data: s.raw,
      value: s.value,
      color: s.color,
      percent: s.percent,
      status: 'normal',
    });
    if (!text) return undefined;
    const lines = text.map((line) => fitText(line, maxWidth, fontSize));
    const width = lines.reduce((w, line) => Math.max(w, textWidth(line, fontSize)), 0);
    const mid = (s.a0 + s.a1) / 2;
    const nx = Math.cos(mid);
    const ny = Math.sin(mid);
    const own = typeof label.color === 'string' ? label.color : undefined;
    const l: Label = {
      lines,
      x: 0,
      y: 0,
      width,
      height: lines.length * lineHeight,
      anchor: 'middle',
      priority: s.a1 - s.a0,
      color: '',
      fill: s.color,
      nx,
      ny,
    };
    if (inside) {
      // Mid-ring, nudged 3px outward as ECharts does.
      const rm = (g.r + g.r0) / 2 + 3;
      const auto = insideText(s.color);
      l.x = g.cx + rm * nx;
      l.y = g.cy + rm * ny;
      l.color = own ?? auto.color;
      l.halo = own ? undefined : auto.halo;
    } else {
      const side = nx < 0 ? -1 : 1;
      const p0: [number, number] = [g.cx + g.r * nx, g.cy + g.r * ny];
      const p1: [number, number] = [p0[0] + nx * len1, p0[1] + ny * len1];
      const p2: [number, number] = [p1[0] + side * len2, p1[1]];
      l.x = p2[0] + side * distance;
      l.y = p2[1];
      l.anchor = side < 0 ? 'end' : 'start';
      l.color = own ?? textColor;
      l.halo = '#fff';
      l.line = [p0, p1, p2];
    }
    labels.push(l);
  }
  return labels;
}

/** Text on a slice: dark on light colours, white with a halo of the slice's colour otherwise (zrender's inside-text rule). */
function insideText(fill: string): { color: string; halo?: string } {
  const rgb = parseHex(fill);
  const lum = rgb ? (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255 : 0;
  return lum > 0.5 ? { color: '#333' } : { color: '#fff', halo: fill };
}

/**
 * Moves one side's outside labels apart vertically within [minY, maxY]; whether any moved. ECharts'
 * `shiftLayoutOnXY`, simplified: push each label below the one above, then pull an overflow back
 * into the free space at the other end and then into the gaps; labels that still cannot fit
 * overlap at the top, for {@link hideOverlap} to drop.
 */
function spreadVertically(side: Label[], minY: number, maxY: number): boolean {
  if (side.length < 2) return false;
  // 1px above and below each label, as ECharts' label rects.
  const top = (l: Label) => l.y - l.height / 2 - 1;
  const bottom = (l: Label) => l.y + l.height / 2 + 1;
  let moved = false;
  const move = (l: Label, dy: number) => {
    if (Math.abs(dy) < 1e-9) return;
    l.y += dy;
    moved = true;
  };
  side.sort((a, b) => top(a) - top(b));
  const first = side[0] as Label;
  const last = side[side.length - 1] as Label;
  for (let i = 1; i < side.length; i++) move(side[i] as Label, Math.max(0, bottom(side[i - 1] as Label) - top(side[i] as Label)));
  const over = bottom(last) - maxY;
  if (over > 0) {
    const lift = Math.min(over, Math.max(0, top(first) - minY));
    for (const l of side) move(l, -lift);
    let limit = maxY;
    for (let i = side.length - 1; i >= 0; i--) {
      const l = side[i] as Label;
      move(l, Math.min(0, limit - bottom(l)));
      limit = top(l);
    }
  }
  const under = minY - top(first);
  if (under > 0) {
    const drop = Math.min(under, Math.max(0, maxY - bottom(last)));
    for (const l of side) move(l, drop);
    for (const l of side) move(l, Math.max(0, minY - top(l)));
  }
  return moved;
}

/**
 * After labels moved up or down, ECharts slides them along an ellipse through the farthest one
 * (`recalculateX`), so the label column follows the pie's curve instead of keeping stale x.
 */
function alignOnEllipse(side: Label[], g: PieGeometry, dir: number, len1: number, len2: number): void {
  const rA = g.r + len1;
  for (const below of [false, true]) {
    const semi = side.filter((l) => l.y > g.cy === below);
    let rB = 0;
    let far = 0;
    for (const l of semi) {
      const dy = Math.abs(l.y - g.cy);
      if (dy < far) continue;
      const dx = l.x - g.cx - len2 * dir;
      rB = Math.abs(dx) < rA ? Math.sqrt((dy * dy) / (1 - (dx * dx) / (rA * rA))) : rA;
      far = dy;
    }
    if (!(rB > 0)) continue;
    for (const l of semi) {
      const dy = Math.abs(l.y - g.cy);
      l.x = g.cx + (Math.sqrt(Math.abs((1 - (dy * dy) / (rB * rB)) * rA * rA)) + len2) * dir;
    }
  }
}

/**
 * Joins the label line to where its label ended up, then bends it as ECharts' `limitTurnAngle` /
 * `limitSurfaceAngle` (both 90°) do: the line never doubles back, nor runs into the pie.
 */
function settleLine(l: Label, distance: number, len2: number): void {
  const [p0, p1, p2] = l.line as [[number, number], [number, number], [number, number]];
  const dir = l.anchor === 'end' ? -1 : 1;
  p2[0] = l.x - dir * distance;
  p1[0] = p2[0] - dir * len2;
  p1[1] = p2[1] = l.y;
  if (Math.hypot(p0[0] - p1[0], p0[1] - p1[1]) < 1e-3) return;
  // p0 lies beyond the turn, towards the label (a turn under 90°): turn straight above/below p0 instead.
  if ((p0[0] - p1[0]) * dir > 0) p1[0] = dir > 0 ? Math.min(p0[0], p2[0]) : Math.max(p0[0], p2[0]);
  const [ax, ay] = [p1[0] - p0[0], p1[1] - p0[1]];
  if (Math.hypot(ax, ay) < 1e-3 || ax * l.nx + ay * l.ny >= 0) return;
  // The first segment heads into the pie: turn where the line leaves at no more than 90° to the surface.
  const angle2 = Math.acos(dir * l.nx);
  if (angle2 >= Math.PI / 2) {
    p1[0] = p2[0];
    return;
  }
  const x = p0[0] + (dir * Math.abs(p0[1] - p1[1])) / Math.tan(Math.PI / 2 - angle2);
  const t = (x - p1[0]) / (p2[0] - p1[0]);
  if (t > 1) p1[0] = p2[0];
  else if (t >= 0) p1[0] = x;
}

/** `labelLayout.hideOverlap`: larger slices first; a label overlapping one already shown is hidden, with its line. */
function hideOverlap(labels: Label[]): void {
  const shown: number[][] = [];
  for (const l of labels.slice().sort((a, b) => b.priority - a.priority)) {
    const x0 = l.anchor === 'end' ? l.x - l.width : l.anchor === 'middle' ? l.x - l.width / 2 : l.x;
    const box = [x0, l.y - l.height / 2, x0 + l.width, l.y + l.height / 2] as [number, number, number, number];
    // Edges that merely touch (ECharts' touchThreshold) are no overlap.
    const overlaps = (o: number[]) =>
      Math.min(box[2], o[2] as number) - Math.max(box[0], o[0] as number) > 0.05 &&
      Math.min(box[3], o[3] as number) - Math.max(box[1], o[1] as number) > 0.05;
    if (shown.some(overlaps)) l.hidden = true;
    else shown.push(box);
  }
}

function sectorPath(g: PieGeometry, a0: number, a1: number): string {
  const { cx, cy, r0, r } = g;
  const at = (radius: number, a: number) => `${num(cx + radius * Math.cos(a))} ${num(cy + radius * Math.sin(a))}`;
  const arc = (radius: number, large: number, sweep: number, a: number) =>
    `A${num(radius)} ${num(radius)} 0 ${large} ${sweep} ${at(radius, a)}`;
  if (a1 - a0 >= FULL) {
    // One slice is the whole pie: an arc cannot end where it starts, so two half circles (and the hole).
    const ring = (radius: number, sweep: number) => `M${at(radius, a0)}${arc(radius, 1, sweep, a0 + Math.PI)}${arc(radius, 1, sweep, a0)}Z`;
    return ring(r, 1) + (r0 > 0 ? ring(r0, 0) : '');
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const inner = r0 > 0 ? `L${at(r0, a1)}${arc(r0, large, 0, a0)}` : `L${num(cx)} ${num(cy)}`;
  return `M${at(r, a0)}${arc(r, large, 1, a1)}${inner}Z`;
}

const OPTION_KEYS = ['animation', 'aria', 'tooltip', 'legend', 'series', 'color'];
const SERIES_KEYS = ['type', 'name', 'id', 'radius', 'center', 'data', 'avoidLabelOverlap', 'startAngle', 'label', 'labelLine'];
const SERIES_KEYS_MORE = ['labelLayout', 'itemStyle', 'emphasis', 'tooltip', 'legendHoverLink', 'percentPrecision', 'z', 'clockwise'];

/** Whether this renderer draws every setting of the series; anything else (roseType, selection, rich text…) is ECharts'. */
function supported(series: Obj): boolean {
  const label = obj(series.label) ?? {};
  const labelLine = obj(series.labelLine) ?? {};
  return (
    only(series, [...SERIES_KEYS, ...SERIES_KEYS_MORE]) &&
    Array.isArray(series.data) &&
    series.clockwise !== false &&
    only(label, LABEL_KEYS) &&
    ['outside', 'outer', 'inside', 'inner', undefined].includes(label.position as string) &&
    (label.overflow ?? 'truncate') === 'truncate' &&
    (label.alignTo ?? 'none') === 'none' &&
    [label.width, label.fontSize, label.lineHeight, labelLine.length, labelLine.length2].every(
      (v) => v === undefined || typeof v === 'number',
    ) &&
    only(labelLine, ['show', 'length', 'length2', 'lineStyle', 'smooth']) &&
    !labelLine.smooth &&
    only(labelLine.lineStyle, ['width', 'color']) &&
    only(series.itemStyle, ['color', 'borderColor', 'borderWidth']) &&
    only(series.labelLayout, ['hideOverlap'])
  );
}

export const piePaper: PaperRenderer = (option, box) => {
  const root = option as Obj;
  const all = seriesOf(option);
  const series = all[0];
  if (!only(root, OPTION_KEYS) || all.length !== 1 || !series || !supported(series)) return undefined;
  const { width, height, style } = box;
  const palette = Array.isArray(root.color) && root.color.length ? (root.color as string[]) : style.palette;
  const slices = readSlices(series, palette);
  const legend = slices && pieLegend(root, slices, box);
  if (!slices || legend === undefined) return undefined;

  // Legend rows beyond the first lift the pie (a smaller box for its percentages) rather than cover it.
  const h = legend ? height - Math.max(0, legend.layout.height - legend.rowHeight) : height;
  const radius = Array.isArray(series.radius) ? series.radius : [0, series.radius ?? '50%'];
  const center = Array.isArray(series.center) ? series.center : ['50%', '50%'];
  const size = Math.min(width, h) / 2;
  const [r0, r, cx, cy] = [percentOf(radius[0], size), percentOf(radius[1], size), percentOf(center[0], width), percentOf(center[1], h)];
  if (r0 === undefined || r === undefined || cx === undefined || cy === undefined) return undefined;
  const g = { cx, cy, r0, r };

  const labels = sliceLabels(series, slices, g, style.text);
  if (!labels) return undefined;
  const label = obj(series.label) ?? {};
  const labelLine = obj(series.labelLine) ?? {};
  const len2 = numberOr(labelLine.length2, 30);
  const outside = labels.filter((l) => l.line);
  if (series.avoidLabelOverlap !== false)
    for (const dir of [-1, 1]) {
      const side = outside.filter((l) => (l.anchor === 'end' ? -1 : 1) === dir);
      // Labels keep clear of the legend too (ECharts' may run into it).
      if (spreadVertically(side, 0, legend ? Math.min(h, legend.top) : h))
        alignOnEllipse(side, g, dir, numberOr(labelLine.length, 15), len2);
    }
  for (const l of outside) settleLine(l, numberOr(label.distanceToLabelLine, 5), len2);
  if (obj(series.labelLayout)?.hideOverlap ?? true) hideOverlap(labels);

  // ECharts' order: label lines under the slices, then the slices, then the labels.
  const itemStyle = obj(series.itemStyle) ?? {};
  const lineStyle = obj(labelLine.lineStyle) ?? {};
  const borderColor = typeof itemStyle.borderColor === 'string' ? itemStyle.borderColor : style.pieBorder.color;
  const borderWidth = numberOr(itemStyle.borderWidth, style.pieBorder.width);
  const stroke = borderWidth > 0 ? ` stroke="${escapeXml(borderColor)}" stroke-width="${num(borderWidth)}" stroke-linejoin="round"` : '';
  let body = '';
  for (const l of labelLine.show === false ? [] : outside) {
    if (l.hidden) continue;
    const points = (l.line as [number, number][]).map((p) => `${num(p[0])} ${num(p[1])}`).join(' ');
    const color = typeof lineStyle.color === 'string' ? lineStyle.color : l.fill;
    body += `<polyline points="${points}" fill="none" stroke="${escapeXml(color)}" stroke-width="${num(numberOr(lineStyle.width, 1))}"/>`;
  }
  for (const s of slices) {
    if (s.a1 - s.a0 <= 0) continue;
    const hole = r0 > 0 && s.a1 - s.a0 >= FULL ? ' fill-rule="evenodd"' : '';
    body += `<path d="${sectorPath(g, s.a0, s.a1)}" fill="${escapeXml(s.color)}"${stroke}${hole}/>`;
  }
  const fontSize = numberOr(label.fontSize, 12);
  const lineHeight = numberOr(label.lineHeight, fontSize);
  for (const l of labels) {
    if (l.hidden) continue;
    let text = '';
    l.lines.forEach((line, k) => {
      text += svgText(l.x, l.y + (k - (l.lines.length - 1) / 2) * lineHeight, line, { color: l.color, size: fontSize, anchor: l.anchor });
    });
    body += l.halo ? `<g stroke="${escapeXml(l.halo)}" stroke-width="2" stroke-linejoin="round" paint-order="stroke">${text}</g>` : text;
  }
  if (legend) body += legend.layout.markup(legend.top);
  return svgDocument(width, height, style.fontFamily, style.text, body);
};
