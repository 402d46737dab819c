/**
 * @module Heatmap charts on paper: the category × category grid `heatmap-option.ts` builds, cells
 * coloured through the continuous visualMap, and that visualMap's colour bar under the grid. The
 * geometry follows ECharts: the grid shrinks by its axis labels (`outerBoundsContain: 'axisLabel'`),
 * labels thin out as ECharts' automatic category interval does, cells overlap by half a pixel so no
 * seam shows, and the colour bar sits where a calculable horizontal `ContinuousView` puts it.
 */

import { finite, only, type Plain, plainOf } from './option-read.js';
import type { PaperRenderer } from './paper-box.js';
import { seriesOf } from './paper-box.js';
import { interpolateColor, parseHex } from './paper-style.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-metrics.js';

const OPTION_KEYS = ['animation', 'aria', 'tooltip', 'grid', 'xAxis', 'yAxis', 'visualMap', 'series'];
const AXIS_KEYS = ['type', 'data', 'inverse', 'splitArea', 'axisLabel'];
const VISUAL_MAP_KEYS = [
  'type',
  'dimension',
  'min',
  'max',
  'calculable',
  'orient',
  'left',
  'bottom',
  'itemHeight',
  'itemWidth',
  'inRange',
  'formatter',
];
/** Hover styles and names draw nothing on paper. */
const SERIES_KEYS = ['type', 'name', 'data', 'emphasis', 'itemStyle'];

const FONT_SIZE = 12;
/** ECharts' axisLabel.margin: the gap between a label and its axis. */
const LABEL_MARGIN = 8;
/** What ECharts adds beside the y labels' own width when it fits the grid to them (measured, constant). */
const LABEL_BOUNDS_EXTRA = 3;
/** ECharts' default splitArea fills: a light tint and nothing, alternating. */
const STRIPE = 'fill="#eaedf5" fill-opacity="0.5"';

/** The visualMap's own padding around its bar, labels and handles (measured from ECharts' background box). */
const VM_PADDING = 15;
/** The handle thumb's length is 120% of the bar's thickness; its width is the icon's aspect of that. */
const HANDLE_SIZE = 1.2;
const HANDLE_THICKNESS = 0.2417;

interface Axis {
  labels: string[];
  inverse: boolean;
  stripes: boolean;
  hideOverlap: boolean;
}

function axisOf(value: unknown): Axis | undefined {
  const axis = plainOf(value);
  if (axis?.type !== 'category' || !only(axis, AXIS_KEYS) || !Array.isArray(axis.data) || !axis.data.length) return undefined;
  if (!axis.data.every((v) => typeof v === 'string' || finite(v))) return undefined;
  const splitArea = plainOf(axis.splitArea);
  const label = plainOf(axis.axisLabel);
  if (!only(splitArea, ['show']) || !only(label, ['hideOverlap'])) return undefined;
  return {
    labels: axis.data.map(String),
    inverse: axis.inverse === true,
    stripes: splitArea?.show === true,
    hideOverlap: label?.hideOverlap === true,
  };
}

/**
 * ECharts' automatic category interval (`calculateCategoryInterval`): a label is taken 1.3 times its
 * size (at least 7px), and every (interval + 1)-th category is labelled so such labels fit their span.
 */
function autoInterval(labelSize: number, unit: number): number {
  return Math.max(0, Math.floor(Math.max(labelSize * 1.3, 7) / unit));
}

/** The visualMap's text for a value: its formatter, a `{value}` template, or the value with no decimals. */
function formatLegend(value: number, formatter: unknown): string | undefined {
  if (formatter === undefined) return value.toFixed(0);
  if (typeof formatter === 'string') return formatter.replace('{value}', value.toFixed(0));
  if (typeof formatter !== 'function') return undefined;
  const text = (formatter as (v: number) => unknown)(value);
  return typeof text === 'string' || typeof text === 'number' ? String(text) : undefined;
}

export const heatmapPaper: PaperRenderer = (option, box) => {
  const o = option as Plain;
  if (!only(o, OPTION_KEYS)) return undefined;
  const all = seriesOf(option);
  const series = all[0];
  if (all.length !== 1 || !series || !only(series, SERIES_KEYS) || !Array.isArray(series.data)) return undefined;
  const itemStyle = plainOf(series.itemStyle);
  if (!only(itemStyle, ['borderColor', 'borderWidth'])) return undefined;
  const xAxis = axisOf(o.xAxis);
  const yAxis = axisOf(o.yAxis);
  if (!xAxis || !yAxis) return undefined;

  // The grid as heatmap-option.ts sets it: fixed margins, the axis labels kept inside them.
  const grid = plainOf(o.grid);
  if (!grid || !only(grid, ['left', 'right', 'top', 'bottom', 'outerBoundsMode', 'outerBoundsContain'])) return undefined;
  if (grid.outerBoundsMode !== 'same' || grid.outerBoundsContain !== 'axisLabel') return undefined;
  const { left, right, top, bottom } = grid;
  if (!finite(left) || !finite(right) || !finite(top) || !finite(bottom)) return undefined;

  // One continuous horizontal visualMap at the bottom centre reading the value dimension; calculable, since
  // only then does ECharts print the min and max (the handles' labels) without a `text` option.
  const vm = plainOf(o.visualMap);
  if (!vm || !only(vm, VISUAL_MAP_KEYS) || (vm.type !== undefined && vm.type !== 'continuous')) return undefined;
  const { min, max } = vm;
  const barLength = vm.itemHeight ?? 140;
  const barThickness = vm.itemWidth ?? 20;
  const vmBottom = vm.bottom;
  if (vm.calculable !== true || vm.dimension !== 2 || vm.orient !== 'horizontal' || vm.left !== 'center' || !finite(vmBottom))
    return undefined;
  // In the lower half ECharts puts the texts above the bar; higher up it flips them, which is not drawn here.
  if (vmBottom > box.height / 2) return undefined;
  if (!finite(min) || !finite(max) || !(max > min) || !finite(barLength) || !finite(barThickness)) return undefined;
  const inRange = plainOf(vm.inRange);
  if (!only(inRange, ['color'])) return undefined;
  const stops = (inRange?.color ?? box.style.visualMap.colors) as unknown;
  if (!Array.isArray(stops) || stops.length < 2 || !stops.every((c) => typeof c === 'string' && parseHex(c))) return undefined;
  const colors = stops as string[];

  // Cells: [x index, y index, value, …]; a missing value draws nothing; out of range would need outOfRange visuals.
  const cells: [number, number, number][] = [];
  for (const item of series.data as unknown[]) {
    if (!Array.isArray(item)) return undefined;
    const [xi, yi, v] = item;
    if (!Number.isInteger(xi) || !Number.isInteger(yi) || xi < 0 || yi < 0 || xi >= xAxis.labels.length || yi >= yAxis.labels.length)
      return undefined;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (!finite(v) || v < min || v > max) return undefined;
    cells.push([xi, yi, v]);
  }
  const borderWidth = itemStyle?.borderWidth ?? 0;
  const borderColor = itemStyle?.borderColor ?? '#fff';
  if (!finite(borderWidth) || typeof borderColor !== 'string') return undefined;

  const minText = formatLegend(min, vm.formatter);
  const maxText = formatLegend(max, vm.formatter);
  if (minText === undefined || maxText === undefined) return undefined;

  const { width: W, height: H, style } = box;
  const labelColor = style.categoryAxis.label;

  // The grid: y labels to its left (right-aligned at the margin), x labels under it, one line high.
  // A pathological label may not take more than 40% of the width: ECharts would, paper cuts it.
  const yLabelRoom = Math.min(W * 0.4, Math.max(...yAxis.labels.map((l) => textWidth(l, FONT_SIZE))));
  const gridLeft = left + LABEL_BOUNDS_EXTRA + yLabelRoom + LABEL_MARGIN;
  const gridTop = top;
  const gridBottom = H - bottom - LABEL_MARGIN - FONT_SIZE;
  let gridRight = W - right;
  const nx = xAxis.labels.length;
  const ny = yAxis.labels.length;
  const xWidths = xAxis.labels.map((l) => textWidth(l, FONT_SIZE));
  const xInterval = autoInterval(Math.max(...xWidths), (gridRight - gridLeft) / nx);
  // A last label wider than its column pushes the grid in, as it is kept inside the box.
  const lastShown = nx - 1 - ((nx - 1) % (xInterval + 1));
  if (lastShown === nx - 1 && !xAxis.inverse)
    gridRight -= Math.max(0, (xWidths[lastShown] as number) / 2 - (gridRight - gridLeft) / nx / 2);
  const cellW = (gridRight - gridLeft) / nx;
  const cellH = (gridBottom - gridTop) / ny;
  if (!(cellW > 0.5 && cellH > 0.5)) return undefined;
  const yInterval = autoInterval(FONT_SIZE, cellH);

  const colX = (i: number) => (xAxis.inverse ? gridRight - (i + 1) * cellW : gridLeft + i * cellW);
  // The y axis runs upwards unless inverse (heatmap-option.ts inverts it: the first category on top).
  const rowY = (j: number) => (yAxis.inverse ? gridTop + j * cellH : gridBottom - (j + 1) * cellH);

  let body = '';
  // splitArea follows the axis ticks, which follow the label interval: bands of (interval + 1) categories, the
  // first category's band tinted. (ECharts 6 shifts the rows by one on an inverse axis — top row plain, the
  // last two areas on top of each other — a quirk not copied here.)
  if (yAxis.stripes)
    for (let j = 0; j < ny; j++)
      if (Math.floor(j / (yInterval + 1)) % 2 === 0) body += rect(gridLeft, rowY(j), gridRight - gridLeft, cellH, STRIPE);
  if (xAxis.stripes)
    for (let i = 0; i < nx; i++)
      if (Math.floor(i / (xInterval + 1)) % 2 === 0) body += rect(colX(i), gridTop, cellW, gridBottom - gridTop, STRIPE);

  const axisLine = style.categoryAxis.line;
  if (axisLine) {
    const stroke = `stroke="${escapeXml(axisLine)}"`;
    const crisp = (v: number) => Math.round(v) + 0.5;
    body += `<path d="M${num(crisp(gridLeft))} ${num(gridTop)}V${num(gridBottom)}" fill="none" ${stroke}/>`;
    body += `<path d="M${num(gridLeft)} ${num(crisp(gridBottom))}H${num(gridRight)}" fill="none" ${stroke}/>`;
  }

  const labelStyle = { size: FONT_SIZE, color: labelColor };
  for (let j = 0; j < ny; j += yInterval + 1)
    body += svgText(gridLeft - LABEL_MARGIN, rowY(j) + cellH / 2, fitText(yAxis.labels[j] as string, yLabelRoom, FONT_SIZE), {
      ...labelStyle,
      anchor: 'end',
    });
  // x labels on the interval; with hideOverlap, one that would still touch the last drawn one is left out.
  let drawnRight = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < nx; i += xInterval + 1) {
    const centre = colX(i) + cellW / 2;
    const half = (xWidths[i] as number) / 2;
    if (xAxis.hideOverlap && centre - half < drawnRight) continue;
    drawnRight = centre + half;
    body += svgText(centre, gridBottom + LABEL_MARGIN + FONT_SIZE / 2, xAxis.labels[i] as string, { ...labelStyle, anchor: 'middle' });
  }

  // Cells a half pixel larger than their band each way, as HeatmapView draws them, so no hairline shows between.
  const border = borderWidth > 0 ? ` stroke="${escapeXml(borderColor)}" stroke-width="${num(borderWidth)}"` : '';
  // Counts repeat across cells: each value's colour is worked out once (interpolateColor parses its stops every call).
  const fills = new Map<number, string>();
  for (const [xi, yi, v] of cells) {
    let fill = fills.get(v);
    if (!fill) {
      fill = interpolateColor(colors, (v - min) / (max - min));
      fills.set(v, fill);
    }
    body += rect(colX(xi) - 0.25, rowY(yi) - 0.25, cellW + 0.5, cellH + 0.5, `fill="${fill}"${border}`);
  }

  body += legend(W, H, vmBottom, barLength, barThickness, colors, minText, maxText, style.visualMap.text);
  return svgDocument(W, H, style.fontFamily, style.text, body);
};

function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${attrs}/>`;
}

/**
 * The calculable horizontal visualMap as ECharts lays it out: a box of padding around the bar, the
 * min/max texts centred over its ends and the handle thumbs on them, centred across the chart with
 * its bottom `bottom` px above the chart's; low values on the left.
 */
function legend(
  W: number,
  H: number,
  bottom: number,
  length: number,
  thickness: number,
  colors: string[],
  minText: string,
  maxText: string,
  color: string,
) {
  const handle = thickness * HANDLE_SIZE;
  const thumb = handle * HANDLE_THICKNESS;
  // The thumbs stick out of the bar by half their extra length plus their 1px white outline.
  const reach = thumb / 2 + 1;
  const leftExtent = Math.max(textWidth(minText, FONT_SIZE) / 2, reach) + VM_PADDING;
  const rightExtent = Math.max(textWidth(maxText, FONT_SIZE) / 2, reach) + VM_PADDING;
  const x = (W - leftExtent - length - rightExtent) / 2 + leftExtent;
  const barBottom = H - bottom - VM_PADDING - ((handle - thickness) / 2 + 1);
  const mid = barBottom - thickness / 2;
  const textY = barBottom - thickness / 2 - handle;
  // One gradient per colour list: ids are document-wide and several charts share a page, so equal ids must mean equal gradients.
  const id = `paper-vm-${colors.map((c) => c.replace('#', '')).join('-')}`;
  const gradientStops = colors.map((c, i) => `<stop offset="${num(i / (colors.length - 1))}" stop-color="${escapeXml(c)}"/>`).join('');
  let out = `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0">${gradientStops}</linearGradient></defs>`;
  out += `<rect x="${num(x)}" y="${num(barBottom - thickness)}" width="${num(length)}" height="${num(thickness)}" rx="3" fill="url(#${id})"/>`;
  for (const [at, fill] of [
    [x, colors[0]],
    [x + length, colors[colors.length - 1]],
  ] as [number, string][]) {
    out += `<rect x="${num(at - thumb / 2)}" y="${num(mid - handle / 2)}" width="${num(thumb)}" height="${num(handle)}" rx="${num(thumb / 2)}" fill="${escapeXml(fill)}" stroke="#fff" stroke-width="2" paint-order="stroke"/>`;
  }
  out += svgText(x, textY, minText, { size: FONT_SIZE, color, anchor: 'middle' });
  out += svgText(x + length, textY, maxText, { size: FONT_SIZE, color, anchor: 'middle' });
  return out;
}
