/**
 * @module A pie's labels as ECharts lays them out (`pie/labelLayout`): outside labels on two-segment
 * lines, pushed apart vertically on each side, slid back along the pie's curve, larger slices
 * keeping theirs where labels still overlap; or shares inside the slices.
 */
import { labelText } from './label-text.js';
import { numberOr, type Plain, plainOf } from './option-read.js';
import { parseHex } from './paper-style.js';
import { fitText, textWidth } from './text-metrics.js';

export interface Slice {
  name: string;
  value: number;
  color: string;
  raw: unknown;
  /** Radians on screen (y down), clockwise; a0 === a1 for a value that draws no slice. */
  a0: number;
  a1: number;
  percent: number;
}

export interface Label {
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

export interface PieGeometry {
  cx: number;
  cy: number;
  r0: number;
  r: number;
}

export const LABEL_KEYS = [
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
export function sliceLabels(series: Plain, slices: Slice[], g: PieGeometry, textColor: string): Label[] | undefined {
  const label = plainOf(series.label) ?? {};
  const labelLine = plainOf(series.labelLine) ?? {};
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
export function spreadVertically(side: Label[], minY: number, maxY: number): boolean {
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
export function alignOnEllipse(side: Label[], g: PieGeometry, dir: number, len1: number, len2: number): void {
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
export function settleLine(l: Label, distance: number, len2: number): void {
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
export function hideOverlap(labels: Label[]): void {
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
