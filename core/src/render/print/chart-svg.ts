/**
 * @module A chart as an SVG string drawn in Node by ECharts' server-side renderer: what the print
 * page embeds instead of running ECharts in Chromium. No DOM, no animation; the theme and the
 * locale are the ones the on-screen dashboard registers.
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { BarChart, FunnelChart, GaugeChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TimelineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

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

/**
 * A new chart per drawing, disposed after it: a kept chart keeps zrender's frame loop (a 16 ms
 * timer in Node) running, which held the process open and burnt CPU between prints.
 */
export function chartSvg(option: EChartsOption, options: SvgChartOptions): string {
  const chart = echarts.init(null, options.theme ?? null, {
    renderer: 'svg',
    ssr: true,
    width: Math.max(40, Math.round(options.width)),
    height: Math.max(20, Math.round(options.height)),
    locale: localeName(options.locale),
  });
  try {
    chart.setOption(forPaper(option) as never);
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}
