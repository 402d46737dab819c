/**
 * @module Pie and donut charts on paper, laid out as ECharts' pie does (`pieLayout`, `pie/labelLayout`):
 * slices clockwise from `startAngle`, outside labels on two-segment lines spread apart vertically on
 * each side of the pie, or shares inside the slices; the legend below prints every name.
 */
import { type LegendLayout, layoutLegend } from './legend.js';
import { numberOr, only, type Plain, percentOf, plainOf } from './option-read.js';
import { type PaperBox, type PaperRenderer, seriesOf } from './paper-box.js';
import {
  alignOnEllipse,
  hideOverlap,
  LABEL_KEYS,
  type PieGeometry,
  type Slice,
  settleLine,
  sliceLabels,
  spreadVertically,
} from './pie-labels.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';

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

/** Data (`value` or `{ name, value, itemStyle: { color } }`) as slices; undefined for an item setting we do not draw. */
function readSlices(series: Plain, palette: string[]): Slice[] | undefined {
  const seriesColor = plainOf(series.itemStyle)?.color;
  if (seriesColor !== undefined && typeof seriesColor !== 'string') return undefined;
  const slices: Slice[] = [];
  for (const [i, raw] of (series.data as unknown[]).entries()) {
    const item: Plain | undefined = typeof raw === 'number' || raw === null ? { value: raw } : plainOf(raw);
    if (!item || !only(item, ['name', 'value', 'itemStyle', 'tooltip', 'emphasis']) || !only(item.itemStyle, ['color'])) return undefined;
    const own = plainOf(item.itemStyle)?.color;
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
  option: Plain,
  slices: Slice[],
  box: PaperBox,
): { layout: LegendLayout; top: number; rowHeight: number } | null | undefined {
  const legend = plainOf(option.legend);
  if (!legend || legend.show === false) return null;
  if (!only(legend, ['type', 'show', 'top', 'bottom', 'left', 'right', 'itemWidth', 'itemHeight', 'textStyle'])) return undefined;
  if (legend.top !== undefined || typeof legend.bottom !== 'number' || !only(legend.textStyle, ['fontSize', 'color'])) return undefined;
  const text = plainOf(legend.textStyle) ?? {};
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
function supported(series: Plain): boolean {
  const label = plainOf(series.label) ?? {};
  const labelLine = plainOf(series.labelLine) ?? {};
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
  const root = option as Plain;
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
  const label = plainOf(series.label) ?? {};
  const labelLine = plainOf(series.labelLine) ?? {};
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
  if (plainOf(series.labelLayout)?.hideOverlap ?? true) hideOverlap(labels);

  // ECharts' order: label lines under the slices, then the slices, then the labels.
  const itemStyle = plainOf(series.itemStyle) ?? {};
  const lineStyle = plainOf(labelLine.lineStyle) ?? {};
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
