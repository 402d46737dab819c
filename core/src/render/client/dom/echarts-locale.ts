/**
 * @module ECharts' own words (the generated chart descriptions screen readers read, "no data"…)
 * in Russian: echarts.min.js carries only English and Chinese, so the bundle brings ECharts' RU
 * locale object (~8 KB minified) and registers it once.
 */
import ruLocale from 'echarts/i18n/langRU-obj.js';
import type { EChartsApi } from './echarts-global.js';

let registered = false;

/** The locale name to pass to `echarts.init`. */
export function echartsLocale(api: EChartsApi, locale: 'en' | 'ru'): string {
  if (locale !== 'ru') return 'EN';
  if (!registered) {
    api.registerLocale('RU', ruLocale as Parameters<EChartsApi['registerLocale']>[1]);
    registered = true;
  }
  return 'RU';
}
