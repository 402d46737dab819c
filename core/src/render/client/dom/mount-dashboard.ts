/**
 * @module Brings a server-rendered dashboard page to life: draws every panel from the embedded
 * results, refetches all panels in parallel when a filter changes (old content dimmed, URL
 * updated, Back restores), drills down, auto-refreshes, and reports progress through the contract's
 * events and `data-vitrina-state`.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import { type ChartContext, chartContext } from '../model/chart-context.js';
import { drillHref, parametersOf, withParameters } from '../model/url-query.js';
import { emit, fillTemplate } from './dom-helpers.js';
import { drawPass } from './draw-pass.js';
import { echartsApi } from './echarts-global.js';
import { echartsLocale } from './echarts-locale.js';
import { enhanceFilters } from './filter-bar.js';
import { startAutoRefresh } from './live-refresh.js';
import { showAsOf, slotsOf, syncPeriodRanges, updateLinks } from './page-chrome.js';
import { type PanelSlot, resizeCharts } from './panel-slot.js';
import type { RenderEnv } from './render-panel.js';
import { loadTheme } from './theme-loader.js';

export interface DashboardController {
  /** Refetches every panel with the current filters. */
  refresh(): Promise<void>;
  /** Shows the dashboard for these parameters; `history` says how the address bar follows. */
  apply(query: URLSearchParams, history?: 'push' | 'replace' | 'none'): Promise<void>;
  destroy(): void;
}

export function mountDashboard(doc: Document, state: DashboardState): DashboardController {
  const win = doc.defaultView ?? window;
  const root = doc.documentElement;
  root.dataset.vitrinaState = 'loading';
  // The PDF printer emulates print media before loading the page; the static copy never animates.
  const print = state.static === true || win.matchMedia?.('print').matches === true;
  const base = chartContext({
    locale: state.locale,
    animation: !print,
    messages: state.messages,
    ...(state.timezone ? { timezone: state.timezone } : {}),
    ...(state.currency ? { currency: state.currency } : {}),
  });
  const ctxFor = (slot: PanelSlot): ChartContext => (slot.view.goodWhen ? { ...base, goodWhen: slot.view.goodWhen } : base);
  const ids = state.parameters.map((p) => p.id);
  const periodIds = state.parameters.filter((p) => p.type === 'period').map((p) => p.id);
  const slots = slotsOf(doc, state);
  const themeReady = loadTheme(state);
  let generation = 0;
  let inflight: AbortController | undefined;
  let stopRefresh: (() => void) | undefined;

  const filters = enhanceFilters(doc, state, base, () => void apply(currentQuery(), 'push'));
  function currentQuery(): URLSearchParams {
    return filters?.read() ?? parametersOf(win.location.search, ids);
  }

  function drill(slot: PanelSlot, value: unknown): void {
    const target = slot.view.drill;
    if (!target || value === null || value === undefined || state.static) return;
    const text = String(value);
    const parameter = target.parameter ?? slot.view.drillColumn;
    if (target.report && parameter) {
      win.location.assign(
        drillHref(fillTemplate(state.api.dashboard, { report: target.report }), parameter, text, currentQuery(), periodIds),
      );
      return;
    }
    if (!target.parameter) return;
    const query = currentQuery();
    query.delete(target.parameter);
    query.append(target.parameter, text);
    filters?.write(query);
    void apply(query, 'push');
  }

  const env = async (slot: PanelSlot): Promise<RenderEnv> => {
    const theme = await themeReady;
    const api = echartsApi();
    return {
      api,
      ctx: ctxFor(slot),
      ...(theme ? { theme } : {}),
      ...(api ? { echartsLocale: echartsLocale(api, state.locale) } : {}),
      onDrill: drill,
      hosted: state.static !== true,
      ...(state.static ? {} : { onRetry: () => void load(currentQuery(), true) }),
    };
  };

  /** Draws every panel; `query` null = the results embedded in the page. */
  async function load(query: URLSearchParams | null, revalidate = false): Promise<void> {
    const gen = ++generation;
    inflight?.abort();
    const abort = new AbortController();
    inflight = abort;
    root.dataset.vitrinaState = 'loading';
    const ok = await drawPass({
      doc,
      state,
      slots,
      query,
      fetchQuery: query ?? currentQuery(),
      revalidate,
      signal: abort.signal,
      env,
      current: () => gen === generation,
      notInCopy: base.t('noData'),
      loading: base.t('loading'),
    });
    if (ok === null) return;
    if (query !== null) showAsOf(doc, new Date(), base);
    root.dataset.vitrinaState = 'ready';
    emit(doc, 'vitrina:rendered', { panels: slots.length, ok });
  }

  async function apply(query: URLSearchParams, history: 'push' | 'replace' | 'none' = 'push'): Promise<void> {
    if (history !== 'none') {
      const url = withParameters(win.location.href, ids, query);
      // Re-applying the same view (Apply pressed twice) must not add a Back step.
      const same = url === `${win.location.pathname}${win.location.search}${win.location.hash}`;
      if (history === 'push' && !same) win.history.pushState({ vitrina: true }, '', url);
      else win.history.replaceState({ vitrina: true }, '', url);
    }
    updateLinks(doc, ids, query);
    syncPeriodRanges(doc, state, query, base);
    await load(query);
  }

  const onPopState = () => {
    const query = parametersOf(win.location.search, ids);
    filters?.write(query);
    void apply(query, 'none');
  };
  const onBeforePrint = () => {
    for (const slot of slots) resizeCharts(slot);
  };
  win.addEventListener('popstate', onPopState);
  win.addEventListener('beforeprint', onBeforePrint);
  void load(null);
  if (!state.static && state.report.refreshSeconds)
    stopRefresh = startAutoRefresh(doc, state.report.refreshSeconds, () => load(currentQuery(), true));

  return {
    refresh: () => load(currentQuery(), true),
    apply,
    destroy() {
      stopRefresh?.();
      inflight?.abort();
      win.removeEventListener('popstate', onPopState);
      win.removeEventListener('beforeprint', onBeforePrint);
      for (const slot of slots) for (const chart of slot.charts) chart.dispose();
    },
  };
}
