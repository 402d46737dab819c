/**
 * @module Paper charts: the print page's charts written straight to SVG from the same ECharts
 * options the screen draws, without ECharts. ECharts' server renderer took 5–20 ms a chart (models,
 * layout, a zrender scene, then the string), which made drawing most of a PDF's cost beyond
 * Chromium's own; these renderers take well under a millisecond for the same chart. An option a
 * renderer does not fully understand is declined and ECharts draws it (`chart-svg.ts`), and
 * `VITRINA_PRINT_CHARTS=echarts` sends every chart to ECharts.
 */
import type { EChartsOption } from 'echarts';
import { cartesianPaper } from './cartesian-paper.js';
import { funnelPaper } from './funnel-paper.js';
import { gaugePaper } from './gauge-paper.js';
import { heatmapPaper } from './heatmap-paper.js';
import { resolveMedia } from './option-media.js';
import { type PaperRenderer, seriesOf } from './paper-box.js';
import { paperStyle } from './paper-style.js';
import { piePaper } from './pie-paper.js';

const RENDERERS: Record<string, PaperRenderer> = {
  bar: cartesianPaper,
  line: cartesianPaper,
  pie: piePaper,
  funnel: funnelPaper,
  gauge: gaugePaper,
  heatmap: heatmapPaper,
};

export interface PaperChartOptions {
  width: number;
  height: number;
  /** The ECharts theme object the chart is styled by (palette, axis colours…). */
  theme?: object;
}

/** The chart as SVG, or undefined when ECharts must draw it. */
export function paperChartSvg(option: EChartsOption, options: PaperChartOptions): string | undefined {
  const resolved = resolveMedia(option, options.width, options.height);
  if (!resolved) return undefined;
  const types = new Set(seriesOf(resolved).map((s) => s.type));
  const [type] = types;
  // One renderer per chart: bar and line share the cartesian one; other mixes are ECharts'.
  const renderer =
    typeof type === 'string' && (types.size === 1 || [...types].every((t) => t === 'bar' || t === 'line')) ? RENDERERS[type] : undefined;
  if (!renderer) return undefined;
  try {
    return renderer(resolved, { width: options.width, height: options.height, style: paperStyle(options.theme) });
  } catch {
    // A renderer bug costs speed, never a chart: ECharts draws this one.
    return undefined;
  }
}
