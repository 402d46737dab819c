/**
 * @module Bar, stacked bar, horizontal bar, line, area and sparkline charts on paper: one category
 * axis, one or two value axes (ECharts' nice scale), labels kept inside the box as ECharts'
 * `outerBoundsContain: 'axisLabel'` does, category labels thinned (or slanted and truncated, as
 * the option says) so none overlap, and a legend that wraps instead of scrolling.
 */
import { drawSeries } from './cartesian-marks.js';
import { readSeries, type Series, stackSeries } from './cartesian-series.js';
import { layoutLegend } from './legend.js';
import { type NiceScale, niceScale } from './nice-scale.js';
import { isPlain, numberOr, type Plain } from './option-read.js';
import type { PaperRenderer } from './paper-box.js';
import { escapeXml, num, svgDocument, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-metrics.js';

const list = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter(isPlain) : isPlain(v) ? [v] : []);

const FONT = 12;
/** Gap between an axis and its labels (ECharts' `axisLabel.margin`). */
const MARGIN = 8;
const LINE_HEIGHT = 14;

/** What paper draws; anything else in an option is declined so ECharts draws it. */
const OPTION_KEYS = new Set(['animation', 'aria', 'tooltip', 'legend', 'grid', 'xAxis', 'yAxis', 'series', 'backgroundColor']);

interface ValueAxis {
  scale: NiceScale;
  labels: string[];
  show: boolean;
  split: boolean;
}

function valueAxis(raw: Plain, series: Series[], index: number): ValueAxis {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    if (s.axis !== index) continue;
    s.to.forEach((v, i) => {
      if (v === null) return;
      min = Math.min(min, v, s.stack === undefined ? v : (s.from[i] as number));
      max = Math.max(max, v, s.stack === undefined ? v : (s.from[i] as number));
    });
  }
  const scale = niceScale(min, max, { scale: raw.scale === true });
  const label = isPlain(raw.axisLabel) ? raw.axisLabel : {};
  const format = typeof label.formatter === 'function' ? (label.formatter as (v: number) => unknown) : (v: number) => v;
  const split = isPlain(raw.splitLine) ? raw.splitLine.show !== false : true;
  return { scale, labels: scale.ticks.map((t) => String(format(t))), show: raw.show !== false && label.show !== false, split };
}

interface CategoryAxis {
  labels: string[];
  show: boolean;
  /** Bars sit in bands; lines and sparklines put points on the band edges. */
  bands: boolean;
  inverse: boolean;
  rotate: number;
  truncate?: number;
}

function categoryAxis(raw: Plain, isBar: boolean): CategoryAxis {
  const label = isPlain(raw.axisLabel) ? raw.axisLabel : {};
  const truncate = label.overflow === 'truncate' && typeof label.width === 'number' ? label.width : undefined;
  return {
    labels: (Array.isArray(raw.data) ? raw.data : []).map((d) => String(isPlain(d) ? d.value : d)),
    show: raw.show !== false && label.show !== false,
    bands: typeof raw.boundaryGap === 'boolean' ? raw.boundaryGap : isBar,
    inverse: raw.inverse === true,
    rotate: numberOr(label.rotate, 0),
    ...(truncate !== undefined ? { truncate } : {}),
  };
}

/** Every k-th label, k chosen so neighbours do not overlap (ECharts' automatic label interval). */
function labelInterval(step: number, needed: number): number {
  return step <= 0 ? 1 : Math.max(1, Math.ceil(needed / step));
}

const catLabel = (axis: CategoryAxis, text: string) => (axis.truncate ? fitText(text, axis.truncate, FONT) : text);

export const cartesianPaper: PaperRenderer = (option, box) => {
  if (Object.keys(option).some((k) => !OPTION_KEYS.has(k))) return undefined;
  const xs = list(option.xAxis);
  const ys = list(option.yAxis);
  const horizontal = ys[0]?.type === 'category';
  const [catRaw, ...rest] = horizontal ? ys : xs;
  const valueRaws = horizontal ? xs : ys;
  if (catRaw?.type !== 'category' || rest.length || !valueRaws.length || valueRaws.length > 2) return undefined;
  if (valueRaws.some((v) => v.type !== 'value')) return undefined;
  const series = readSeries(option, box, horizontal);
  if (!series?.length || series.some((s) => s.axis >= valueRaws.length)) return undefined;
  const isBar = series.some((s) => s.type === 'bar');
  const cat = categoryAxis(catRaw, isBar);
  const n = Math.max(cat.labels.length, ...series.map((s) => s.values.length));
  stackSeries(series, n);
  const values = valueRaws.map((raw, i) => valueAxis(raw, series, i));
  const { width: W, height: H, style } = box;

  // Legend on top; the plot starts below it (ECharts leaves a wrapped legend over the plot).
  const legendRaw = isPlain(option.legend) ? option.legend : undefined;
  const legendShown = legendRaw !== undefined && legendRaw.show !== false;
  const legend = legendShown
    ? layoutLegend(
        series.map((s) => ({ name: s.name, color: s.color, ...(s.type === 'bar' && s.opacity < 1 ? { opacity: s.opacity } : {}) })),
        {
          x: numberOr(legendRaw?.left, 0),
          width: W - numberOr(legendRaw?.left, 0) - numberOr(legendRaw?.right, 0),
          itemWidth: numberOr(legendRaw?.itemWidth, 14),
          itemHeight: numberOr(legendRaw?.itemHeight, 10),
          fontSize: numberOr(isPlain(legendRaw?.textStyle) ? legendRaw.textStyle.fontSize : undefined, FONT),
          color: style.legendText,
        },
      )
    : undefined;
  const gridRaw = isPlain(option.grid) ? option.grid : {};
  const contain = gridRaw.outerBoundsContain === 'axisLabel' || gridRaw.containLabel === true;
  let left = numberOr(gridRaw.left, 80);
  let right = W - numberOr(gridRaw.right, 80);
  let top = Math.max(numberOr(gridRaw.top, 60), legend ? legend.height + 12 : 0);
  let bottom = H - numberOr(gridRaw.bottom, 60);

  const catShown = cat.labels.map((l) => catLabel(cat, l));
  const catWidths = catShown.map((l) => textWidth(l, FONT));
  const valueWidths = values.map((v) => (v.show ? Math.max(0, ...v.labels.map((l) => textWidth(l, FONT))) : 0));
  const sin = Math.sin((Math.abs(cat.rotate) * Math.PI) / 180);
  const cos = Math.cos((Math.abs(cat.rotate) * Math.PI) / 180);
  if (contain) {
    if (horizontal) {
      if (cat.show) left += Math.max(0, ...catWidths) + MARGIN;
      if (values[0]?.show) bottom -= LINE_HEIGHT + MARGIN;
      if (values[1]?.show) top += LINE_HEIGHT + MARGIN;
      const ends = values
        .filter((v) => v.show)
        .flatMap((v) => [textWidth(v.labels[0] ?? '', FONT), textWidth(v.labels.at(-1) ?? '', FONT)]);
      if (ends.length) {
        left = Math.max(left, numberOr(gridRaw.left, 0) + Math.max(ends[0] ?? 0, ends[2] ?? 0) / 2);
        right = Math.min(right, W - numberOr(gridRaw.right, 0) - Math.max(ends[1] ?? 0, ends[3] ?? 0) / 2);
      }
    } else {
      if (values[0]?.show) left += (valueWidths[0] as number) + MARGIN;
      if (values[1]?.show) right -= (valueWidths[1] as number) + MARGIN;
      if (cat.show) {
        const tallest = cat.rotate ? Math.max(0, ...catWidths.map((w) => w * sin + LINE_HEIGHT * cos)) : LINE_HEIGHT;
        bottom -= tallest + MARGIN;
        // A first label centred on the plot's edge (lines) or slanted left of it must stay on paper.
        const first = catWidths[0] ?? 0;
        const last = catWidths.at(-1) ?? 0;
        const plot = right - left;
        const step = n > 0 ? (cat.bands ? plot / n : plot / Math.max(1, n - 1)) : plot;
        const firstX = cat.bands ? step / 2 : 0;
        const overhang = cat.rotate ? first * cos - firstX : first / 2 - firstX;
        if (overhang > 0) left += Math.max(0, overhang - (left - numberOr(gridRaw.left, 0)));
        if (!cat.rotate && !cat.bands && last / 2 > W - right) right = W - last / 2;
      }
    }
  }
  if (right - left < 10 || bottom - top < 10) return undefined;

  // Positions along the category axis and across the value axis.
  const along = horizontal ? bottom - top : right - left;
  const step = cat.bands ? along / Math.max(1, n) : along / Math.max(1, n - 1);
  // A y category axis runs bottom-up unless inverse (horizontal bars list the first row on top).
  const catAt = (i: number) => {
    const offset = cat.bands ? (i + 0.5) * step : n === 1 ? along / 2 : i * step;
    if (horizontal) return cat.inverse ? top + offset : bottom - offset;
    return cat.inverse ? right - offset : left + offset;
  };
  const valuePos = (axis: number, v: number) => {
    const scale = (values[axis] as ValueAxis).scale;
    const t = (v - scale.min) / (scale.max - scale.min || 1);
    return horizontal ? left + t * (right - left) : bottom - t * (bottom - top);
  };

  const parts: string[] = [];
  // Split lines of the first value axis (the second's would cross them).
  const main = values[0] as ValueAxis;
  if (main.show && main.split && style.valueAxis.split) {
    let d = '';
    for (const t of main.scale.ticks) {
      const p = Math.round(valuePos(0, t)) + 0.5;
      d += horizontal ? `M${num(p)} ${num(top)}V${num(bottom)}` : `M${num(left)} ${num(p)}H${num(right)}`;
    }
    parts.push(`<path d="${d}" fill="none" stroke="${escapeXml(style.valueAxis.split)}"/>`);
  }
  parts.push(drawSeries(series, n, { horizontal, bands: cat.bands, step, catAt, valuePos, style }));
  // The category axis line sits on zero when zero is on the scale (ECharts' `onZero`).
  if (cat.show && style.categoryAxis.line) {
    const zero = main.scale.min <= 0 && main.scale.max >= 0 ? valuePos(0, 0) : horizontal ? left : bottom;
    const p = Math.round(zero) + 0.5;
    const d = horizontal ? `M${num(p)} ${num(top)}V${num(bottom)}` : `M${num(left)} ${num(p)}H${num(right)}`;
    parts.push(`<path d="${d}" fill="none" stroke="${escapeXml(style.categoryAxis.line)}"/>`);
  }
  // Tick marks, when the theme shows them: on the category axis at each label (`alignWithLabel`).
  if (cat.show && style.categoryAxis.ticks && n > 0) {
    let d = '';
    for (let i = 0; i < n; i++) {
      const p = Math.round(catAt(i)) + 0.5;
      d += horizontal ? `M${num(left - 5)} ${num(p)}H${num(left)}` : `M${num(p)} ${num(bottom)}V${num(bottom + 5)}`;
    }
    parts.push(`<path d="${d}" fill="none" stroke="${escapeXml(style.categoryAxis.line ?? style.categoryAxis.label)}"/>`);
  }
  // Value labels.
  values.forEach((axis, a) => {
    if (!axis.show) return;
    // Along a horizontal value axis wide labels collide: one that would overlap the last shown is left out (`hideOverlap`).
    let shownUpTo = Number.NEGATIVE_INFINITY;
    axis.scale.ticks.forEach((t, i) => {
      const p = valuePos(a, t);
      const text = axis.labels[i] ?? '';
      const color = style.valueAxis.label;
      if (horizontal) {
        const half = textWidth(text, FONT) / 2;
        if (p - half < shownUpTo + 6) return;
        shownUpTo = p + half;
      }
      if (horizontal)
        parts.push(
          svgText(p, a === 0 ? bottom + MARGIN + LINE_HEIGHT / 2 : top - MARGIN - LINE_HEIGHT / 2, text, { anchor: 'middle', color }),
        );
      else parts.push(svgText(a === 0 ? left - MARGIN : right + MARGIN, p, text, { anchor: a === 0 ? 'end' : 'start', color }));
    });
  });
  // Category labels, thinned so neighbours never overlap.
  if (cat.show && n > 0) {
    const widest = Math.max(0, ...catWidths);
    const interval = horizontal
      ? labelInterval(step, LINE_HEIGHT)
      : cat.rotate
        ? labelInterval(step * sin, LINE_HEIGHT)
        : labelInterval(step, widest + 12);
    for (let i = 0; i < n; i += interval) {
      const text = catShown[i] ?? '';
      const color = style.categoryAxis.label;
      const p = catAt(i);
      if (horizontal) parts.push(svgText(left - MARGIN, p, text, { anchor: 'end', color }));
      else if (cat.rotate)
        parts.push(svgText(p, bottom + MARGIN, text, { anchor: cat.rotate > 0 ? 'end' : 'start', rotate: cat.rotate, color }));
      else parts.push(svgText(p, bottom + MARGIN + LINE_HEIGHT / 2, text, { anchor: 'middle', color }));
    }
  }
  if (legend) parts.push(legend.markup(numberOr(legendRaw?.top, 0)));
  return svgDocument(W, H, style.fontFamily, style.text, parts.join(''));
};
