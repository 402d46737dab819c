/**
 * @module Registers the page's ECharts theme before the first chart: from the state when the
 * server embedded it (no request; works in the static file), else from the theme's JSON asset.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import { echartsApi } from './echarts-global.js';

/** Resolves to the theme name to pass to `echarts.init`, or undefined to draw with the defaults. */
export async function loadTheme(state: DashboardState): Promise<string | undefined> {
  const api = echartsApi();
  if (!api || !state.theme) return undefined;
  if (state.echartsTheme) {
    api.registerTheme(state.theme, state.echartsTheme);
    return state.theme;
  }
  if (state.static) return undefined;
  try {
    const response = await fetch(`/assets/themes/${encodeURIComponent(state.theme)}/echarts-theme.json`, { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    api.registerTheme(state.theme, (await response.json()) as object);
    return state.theme;
  } catch {
    return undefined;
  }
}
