/**
 * @module A chart as an SVG string drawn in Node by ECharts' server-side renderer: what the print
 * page embeds instead of running ECharts in Chromium. No DOM, no animation; the theme and the
 * locale are the ones the on-screen dashboard registers.
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';

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

/** The SVG scales with its box (viewBox), so a panel a little wider or narrower than planned still fits. */
export function chartSvg(option: EChartsOption, options: SvgChartOptions): string {
  const chart = echarts.init(null, options.theme ?? null, {
    renderer: 'svg',
    ssr: true,
    width: Math.max(40, Math.round(options.width)),
    height: Math.max(20, Math.round(options.height)),
    locale: localeName(options.locale),
  });
  try {
    chart.setOption(forPaper(option));
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}
