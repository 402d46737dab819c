/**
 * @module A chart as an SVG string drawn in Node: what the print page embeds instead of running
 * ECharts in Chromium. Paper charts (`paper/`) write the SVG straight from the option; what they
 * decline — or every chart, with `VITRINA_PRINT_CHARTS=echarts` — ECharts' server-side renderer
 * draws. No DOM, no animation; the theme and the locale are the ones the on-screen dashboard
 * registers.
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { BarChart, FunnelChart, GaugeChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TimelineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { paperChartSvg } from './paper/paper-chart.js';

// Only what the option builders use (the full package registers ~60 chart and component types,
// and every setOption walks them all). Tooltip and timeline draw nothing on paper; registered so
// ECharts does not warn that the option names them.
echarts.use([
  BarChart,
  FunnelChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TimelineComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  SVGRenderer,
]);

type EChartsLocale = Parameters<typeof echarts.registerLocale>[1];

export interface SvgChartOptions {
  width: number;
  height: number;
  /** Name of a theme registered with {@link registerChartTheme}. */
  theme?: string;
  locale: 'en' | 'ru';
}

/** Theme objects registered per name: a reloaded theme (new object) is registered again. */
const registered = new Map<string, object>();
/** Bumped whenever a theme is (re)registered: drawings memoised under an older theme are stale. */
export let themeGeneration = 0;
let ruRegistered = false;

export function registerChartTheme(name: string, theme: object | undefined): string | undefined {
  if (!theme) return undefined;
  if (registered.get(name) !== theme) {
    echarts.registerTheme(name, theme);
    registered.set(name, theme);
    themeGeneration++;
  }
  return name;
}

function localeName(locale: 'en' | 'ru'): string {
  if (locale !== 'ru') return 'EN';
  if (!ruRegistered) {
    // ECharts ships its locale objects as untyped UMD files (the bundle imports the same one).
    const ru = createRequire(import.meta.url)('echarts/i18n/langRU-obj.js') as EChartsLocale;
    echarts.registerLocale('RU', ru);
    ruRegistered = true;
  }
  return 'RU';
}

/**
 * What paper cannot use is left out (tooltips, pointer, motion; the aria description, which the
 * string renderer does not emit) and a scrolling legend becomes a plain one that wraps, so every
 * series name prints. Roughly halves the time ECharts takes per chart.
 */
function forPaper(option: EChartsOption): EChartsOption {
  const legend = option.legend;
  const plain = (l: object) => ({ ...l, type: 'plain' as const });
  return {
    ...option,
    animation: false,
    aria: { enabled: false },
    tooltip: { show: false },
    ...(legend ? { legend: Array.isArray(legend) ? legend.map(plain) : plain(legend) } : {}),
  };
}

type Chart = ReturnType<typeof echarts.init>;

/** The SVG painter's own string renderer: unlike `renderToSVGString`, it can leave out the hover CSS. */
interface SvgPainter {
  renderToString(options: { useViewBox?: boolean; cssEmphasis?: boolean; cssAnimation?: boolean }): string;
}

/**
 * One chart per size, theme and locale, reused: `setOption` with `notMerge` draws what a new
 * chart draws without building a zrender, painter and models first. Stopped after each drawing:
 * zrender restarts its frame loop (a 16 ms timer in Node) whenever an option is set, and a loop
 * left running held processes open and burnt CPU between prints. Cleared, so what stays between
 * drawings is an empty chart. A few sizes per paper; the oldest goes past {@link MAX_CHARTS}.
 */
const charts = new Map<string, Chart>();
const MAX_CHARTS = 12;

function chartFor(width: number, height: number, theme: string | undefined, locale: string): Chart {
  const key = `${width}x${height}|${theme ?? ''}|${locale}|${themeGeneration}`;
  let chart = charts.get(key);
  if (!chart) {
    if (charts.size >= MAX_CHARTS) {
      const [oldest, old] = charts.entries().next().value as [string, Chart];
      charts.delete(oldest);
      old.dispose();
    }
    chart = echarts.init(null, theme ?? null, { renderer: 'svg', ssr: true, width, height, locale });
    charts.set(key, chart);
  }
  return chart;
}

/** Which renderer draws print charts: `paper` (default; ECharts for what it declines) or `echarts`. */
export function printChartRenderer(): 'paper' | 'echarts' {
  return process.env.VITRINA_PRINT_CHARTS === 'echarts' ? 'echarts' : 'paper';
}

/** The chart as SVG scaled to its box (viewBox): a paper chart, or ECharts' drawing of it. */
export function chartSvg(option: EChartsOption, options: SvgChartOptions): string {
  if (printChartRenderer() === 'paper') {
    const theme = options.theme ? registered.get(options.theme) : undefined;
    const svg = paperChartSvg(option, { width: options.width, height: options.height, ...(theme ? { theme } : {}) });
    if (svg !== undefined) return svg;
  }
  return echartsChartSvg(option, options);
}

/**
 * ECharts' drawing of the chart. Without ECharts' hover CSS (a `<style>` of `:hover` rules and a
 * class on every shape): paper has no pointer, and the painter skips that work.
 */
export function echartsChartSvg(option: EChartsOption, options: SvgChartOptions): string {
  const width = Math.max(40, Math.round(options.width));
  const height = Math.max(20, Math.round(options.height));
  const chart = chartFor(width, height, options.theme, localeName(options.locale));
  try {
    chart.setOption(forPaper(option) as never, { notMerge: true });
    const painter = chart.getZr().painter as unknown as SvgPainter;
    const svg = painter.renderToString({ useViewBox: true, cssEmphasis: false, cssAnimation: false });
    chart.clear();
    return svg;
  } catch (error) {
    // A chart that failed half-way is not trusted with the next drawing.
    for (const [key, kept] of charts) if (kept === chart) charts.delete(key);
    chart.dispose();
    throw error;
  } finally {
    if (!chart.isDisposed()) chart.getZr().animation.stop();
  }
}
