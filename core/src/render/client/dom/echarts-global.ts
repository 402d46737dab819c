/**
 * @module The page loads ECharts as a global (`/assets/echarts/echarts.min.js`), so the bundle
 * stays small and the browser caches ECharts once for every dashboard; this types that global.
 */
import type * as EChartsModule from 'echarts';

export type EChartsApi = typeof EChartsModule;
export type EChartsInstance = EChartsModule.ECharts;

export function echartsApi(): EChartsApi | undefined {
  return (globalThis as { echarts?: EChartsApi }).echarts;
}
