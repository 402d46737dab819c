/**
 * @module Brings a server-rendered dashboard page to life: draws every panel from the embedded
 * results, refetches all panels in parallel when a filter changes (old content dimmed, URL
 * updated, Back restores), drills down, auto-refreshes, and reports progress through the contract's
 * events and `data-vitrina-state`.
 */
import type { DashboardState, PanelView } from '../../html/dashboard-state.js';
import { type ChartContext, chartContext } from '../model/chart-context.js';
import { formatInstant } from '../model/format-cell.js';
import { drillHref, parametersOf, withParameters } from '../model/url-query.js';
import { emit, fillTemplate } from './dom-helpers.js';
import { echartsApi } from './echarts-global.js';
import { echartsLocale } from './echarts-locale.js';
import { enhanceFilters } from './filter-bar.js';
import { startAutoRefresh } from './live-refresh.js';
import { fetchPanel } from './panel-fetch.js';
import { type PanelSlot, resizeCharts } from './panel-slot.js';
import { type RenderEnv, renderOutcome } from './render-panel.js';
import { loadTheme } from './theme-loader.js';

export interface DashboardController {
  /** Refetches every panel with the current filters. */
  refresh(): Promise<void>;
  /** Shows the dashboard for these parameters; `history` says how the address bar follows. */
  apply(query: URLSearchParams, history?: 'push' | 'replace' | 'none'): Promise<void>;
  destroy(): void;
}

function slotsOf(doc: Document, state: DashboardState): PanelSlot[] {
  const slots: PanelSlot[] = [];
  for (const section of doc.querySelectorAll<HTMLElement>('section.vt-panel[data-panel]')) {
    const id = section.dataset.panel as string;
    const view: PanelView = state.panels.find((p) => p.id === id) ?? {
      id,
      type: (section.dataset.type ?? 'table') as PanelView['type'],
      width: 12,
      height: 'm',
    };
    const body = section.querySelector<HTMLElement>('.vt-panel-body') ?? section.appendChild(doc.createElement('div'));
    body.classList.add('vt-panel-body');
    slots.push({ view, section, body, charts: [] });
  }
  return slots;
}

export function mountDashboard(doc: Document, state: DashboardState): DashboardController {
  const win = doc.defaultView ?? window;
  const root = doc.documentElement;
  root.dataset.vitrinaState = 'loading';
  const print =
    state.static === true || win.matchMedia?.('print').matches === true || new URLSearchParams(win.location.search).has('print');
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
    };
  };

  function updateLinks(query: URLSearchParams): void {
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('[data-role="locale"] a[href], a[data-role="locale"][href]'))
      a.setAttribute('href', withParameters(a.getAttribute('href') as string, ids, query));
  }

  function showAsOf(date: Date): void {
    for (const node of doc.querySelectorAll<HTMLElement>('[data-role="as-of"]')) {
      node.textContent = formatInstant(date.toISOString(), base);
      if (node instanceof HTMLTimeElement) node.dateTime = date.toISOString();
    }
  }

  /** One drawing pass over every panel; `query` null = the results embedded in the page. */
  async function load(query: URLSearchParams | null, revalidate = false): Promise<void> {
    const gen = ++generation;
    inflight?.abort();
    const abort = new AbortController();
    inflight = abort;
    root.dataset.vitrinaState = 'loading';
    let ok = 0;
    await Promise.all(
      slots.map(async (slot) => {
        let outcome: unknown = query === null ? state.results[slot.view.id] : undefined;
        if (outcome === undefined) {
          slot.section.classList.add('vt-loading');
          slot.section.setAttribute('aria-busy', 'true');
          if (state.static) outcome = { id: slot.view.id, error: { code: 'NOT_IN_COPY', message: base.t('noData') } };
          else {
            try {
              outcome = await fetchPanel(state, slot.view.id, query ?? currentQuery(), abort.signal, revalidate);
            } catch {
              return; // aborted by a newer pass
            }
          }
        }
        if (gen !== generation) return;
        const drawn = await renderOutcome(slot, outcome, await env(slot));
        slot.section.classList.remove('vt-loading');
        slot.section.removeAttribute('aria-busy');
        if (gen !== generation) return;
        if (drawn) ok += 1;
        emit(doc, 'vitrina:panel-rendered', { panel: slot.view.id, ok: drawn });
      }),
    );
    if (gen !== generation) return;
    if (query !== null) showAsOf(new Date());
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
    updateLinks(query);
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
