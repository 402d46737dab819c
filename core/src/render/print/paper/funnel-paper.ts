/**
 * @module Funnel charts on paper, laid out as ECharts' `funnelLayout`: one trapezoid per stage, top to
 * bottom, each as wide at its top as its value and at its bottom as the next stage's (the last
 * narrows to `minSize`), labels to the right on a short line.
 */

import { labelText } from './label-text.js';
import { numberOr, only, type Plain, percentOf, plainOf } from './option-read.js';
import type { PaperRenderer } from './paper-box.js';
import { seriesOf } from './paper-box.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-metrics.js';

/**
 * ECharts' `overflow: 'break'`: words onto lines no wider than `maxWidth`, a word wider than a line
 * cut where it must. No-break spaces (ru thousands) hold a number together.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Words keep their trailing space; a line drops it where it ends.
  for (const word of text.split(/(?<= )/)) {
    if (line && textWidth(line + word.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
    // A word too long for a line of its own is cut where the line is full.
    while (textWidth(line.trimEnd(), fontSize) > maxWidth && line.trimEnd().length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), fontSize) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() || !lines.length) lines.push(line.trimEnd());
  return lines;
}

/** ECharts' `linearMap` with clamping: value in [d0, d1] → [r0, r1]. */
function linearMap(v: number, d0: number, d1: number, r0: number, r1: number): number {
  if (d1 === d0) return (r0 + r1) / 2;
  const t = Math.max(0, Math.min(1, (v - d0) / (d1 - d0)));
  return r0 + t * (r1 - r0);
}

/** ECharts' `getLayoutRect` for a box given by some of left/right/width and top/bottom/height (numbers or percents). */
function layoutRect(series: Plain, width: number, height: number): { x: number; y: number; w: number; h: number } | undefined {
  const side = (key: string, fallback: number | undefined, base: number) =>
    series[key] === undefined ? fallback : percentOf(series[key], base);
  // ECharts' funnel defaults: left/right 80, top 60, bottom 65.
  const [left, right, w] = [side('left', 80, width), side('right', 80, width), side('width', undefined, width)];
  const [top, bottom, h] = [side('top', 60, height), side('bottom', 65, height), side('height', undefined, height)];
  if (left === undefined || right === undefined || top === undefined || bottom === undefined) return undefined;
  if ((series.width !== undefined && w === undefined) || (series.height !== undefined && h === undefined)) return undefined;
  const boxW = w ?? width - left - right;
  const boxH = h ?? height - top - bottom;
  // An explicit right places the box only when left was not given.
  const x = series.left === undefined && series.right !== undefined ? width - right - boxW : left;
  const y = series.top === undefined && series.bottom !== undefined ? height - bottom - boxH : top;
  return { x, y, w: boxW, h: boxH };
}

const OPTION_KEYS = ['animation', 'aria', 'tooltip', 'series', 'color'];
const SERIES_KEYS = ['type', 'name', 'id', 'sort', 'min', 'max', 'minSize', 'maxSize', 'left', 'top', 'right', 'bottom', 'width', 'height'];
const SERIES_KEYS_MORE = [
  'gap',
  'funnelAlign',
  'orient',
  'data',
  'label',
  'labelLine',
  'itemStyle',
  'emphasis',
  'tooltip',
  'legendHoverLink',
  'z',
];
const LABEL_KEYS = ['show', 'position', 'fontSize', 'lineHeight', 'width', 'formatter', 'overflow', 'color'];

/** Whether this renderer draws every setting of the series; anything else (horizontal, inside labels, sorting…) is ECharts'. */
function supported(series: Plain): boolean {
  const label = plainOf(series.label) ?? {};
  const labelLine = plainOf(series.labelLine) ?? {};
  return (
    only(series, [...SERIES_KEYS, ...SERIES_KEYS_MORE]) &&
    Array.isArray(series.data) &&
    (series.orient ?? 'vertical') === 'vertical' &&
    // 'none' keeps data order (a funnel's order is its meaning); ECharts' default sorts descending.
    ['none', 'descending', undefined].includes(series.sort as string) &&
    ['left', 'center', 'right', undefined].includes(series.funnelAlign as string) &&
    only(label, LABEL_KEYS) &&
    // ECharts' default 'outer' is the right side too.
    ['right', 'outer', 'outside', undefined].includes(label.position as string) &&
    ['truncate', 'break', undefined].includes(label.overflow as string) &&
    [label.width, label.fontSize, label.lineHeight, labelLine.length, series.gap].every((v) => v === undefined || typeof v === 'number') &&
    only(labelLine, ['show', 'length', 'lineStyle']) &&
    only(labelLine.lineStyle, ['width', 'color']) &&
    only(series.itemStyle, ['color', 'borderColor', 'borderWidth'])
  );
}

export const funnelPaper: PaperRenderer = (option, box) => {
  const root = option as Plain;
  // A legend (none by default for the funnel builder) is not drawn here: ECharts draws that chart.
  if (!only(root, OPTION_KEYS)) return undefined;
  const all = seriesOf(option);
  const series = all[0];
  if (all.length !== 1 || !series || !supported(series)) return undefined;
  const { width, height, style } = box;
  const rect = layoutRect(series, width, height);
  if (!rect) return undefined;
  const palette = Array.isArray(root.color) && root.color.length ? (root.color as string[]) : style.palette;
  const itemStyle = plainOf(series.itemStyle) ?? {};

  const stages: { name: string; value: number; color: string; raw: unknown }[] = [];
  for (const [i, raw] of (series.data as unknown[]).entries()) {
    const item: Plain | undefined = typeof raw === 'number' || raw === null ? { value: raw } : plainOf(raw);
    if (!item || !only(item, ['name', 'value', 'itemStyle', 'tooltip', 'emphasis']) || !only(item.itemStyle, ['color'])) return undefined;
    if (item.value != null && typeof item.value !== 'number') return undefined;
    const color = plainOf(item.itemStyle)?.color ?? itemStyle.color ?? palette[i % palette.length];
    if (typeof color !== 'string') return undefined;
    // A missing value is 0 to ECharts' layout: the narrowest stage.
    stages.push({ name: String(item.name ?? ''), value: numberOr(item.value, 0), color, raw });
  }
  if (!stages.length) return undefined;

  const values = stages.map((s) => s.value);
  const min = numberOr(series.min, Math.min(0, ...values));
  const max = numberOr(series.max, Math.max(...values));
  const minSize = percentOf(series.minSize ?? '0%', rect.w);
  const maxSize = percentOf(series.maxSize ?? '100%', rect.w);
  if (minSize === undefined || maxSize === undefined) return undefined;
  const widthOf = (value: number) => linearMap(value, min, max, minSize, maxSize);
  const align = series.funnelAlign ?? 'center';
  const x0 = (w: number) => (align === 'left' ? rect.x : align === 'right' ? rect.x + rect.w - w : rect.x + (rect.w - w) / 2);
  const order = stages.map((_, i) => i);
  if (series.sort !== 'none') order.sort((a, b) => (values[b] as number) - (values[a] as number));
  const gap = numberOr(series.gap, 0);
  const stageHeight = (rect.h - gap * (order.length - 1)) / order.length;

  const label = plainOf(series.label) ?? {};
  const labelLine = plainOf(series.labelLine) ?? {};
  const lineStyle = plainOf(labelLine.lineStyle) ?? {};
  const fontSize = numberOr(label.fontSize, 12);
  const lineHeight = numberOr(label.lineHeight, fontSize);
  const maxWidth = numberOr(label.width, Number.POSITIVE_INFINITY);
  const lineLength = numberOr(labelLine.length, 20);
  const total = values.reduce((a, v) => a + v, 0);
  const borderColor = typeof itemStyle.borderColor === 'string' ? itemStyle.borderColor : style.funnelBorder.color;
  const borderWidth = numberOr(itemStyle.borderWidth, style.funnelBorder.width);
  const stroke = borderWidth > 0 ? ` stroke="${escapeXml(borderColor)}" stroke-width="${num(borderWidth)}" stroke-linejoin="round"` : '';

  // ECharts' order: label lines, then the stages over them, then the labels.
  let lines = '';
  let shapes = '';
  let texts = '';
  for (const [k, idx] of order.entries()) {
    const s = stages[idx] as (typeof stages)[number];
    const next = order[k + 1];
    const top = rect.y + k * (stageHeight + gap);
    const bottom = top + stageHeight;
    const wTop = widthOf(s.value);
    // The last stage narrows to what a value of 0 maps to (minSize when min is 0).
    const wBottom = widthOf(next === undefined ? 0 : (values[next] as number));
    const pts = [
      [x0(wTop), top],
      [x0(wTop) + wTop, top],
      [x0(wBottom) + wBottom, bottom],
      [x0(wBottom), bottom],
    ];
    shapes += `<polygon points="${pts.map(([x, y]) => `${num(x as number)} ${num(y as number)}`).join(' ')}" fill="${escapeXml(s.color)}"${stroke}/>`;
    if (label.show === false) continue;
    // The params ECharts passes a label formatter (a funnel's percent: share of the total, 2 decimals).
    const text = labelText(label.formatter, {
      componentType: 'series',
      seriesType: 'funnel',
      seriesIndex: 0,
      seriesName: String(series.name ?? ''),
      name: s.name,
      dataIndex: idx,
      data: s.raw,
      value: s.value,
      color: s.color,
      percent: total ? +((s.value / total) * 100).toFixed(2) : 0,
      status: 'normal',
    });
    if (!text) return undefined;
    // Right side: from the middle of the stage's right edge, the line, then 5px to the text.
    const x1 = ((pts[1]?.[0] as number) + (pts[2]?.[0] as number)) / 2;
    const y = (top + bottom) / 2;
    const color = typeof lineStyle.color === 'string' ? lineStyle.color : s.color;
    if (labelLine.show !== false)
      lines += `<polyline points="${num(x1)} ${num(y)} ${num(x1 + lineLength)} ${num(y)}" fill="none" stroke="${escapeXml(color)}" stroke-width="${num(numberOr(lineStyle.width, 1))}"/>`;
    const rows = text.flatMap((t) => (label.overflow === 'break' ? wrapText(t, maxWidth, fontSize) : [fitText(t, maxWidth, fontSize)]));
    const textColor = typeof label.color === 'string' ? label.color : style.text;
    rows.forEach((row, r) => {
      texts += svgText(x1 + lineLength + 5, y + (r - (rows.length - 1) / 2) * lineHeight, row, { color: textColor, size: fontSize });
    });
  }
  return svgDocument(width, height, style.fontFamily, style.text, lines + shapes + texts);
};
