/**
 * @module The contract between the server that renders a dashboard page and the browser code that
 * draws it. The server embeds one `DashboardState` as JSON in the page
 * (`<script type="application/json" id="vitrina-state">`, with `<` escaped as `\u003c`) and loads
 * the client bundle, which calls `mountDashboard(document, state)`. The same state, with the
 * assets inlined, makes the static HTML export and the page Chromium prints to PDF.
 *
 * DOM skeleton the server renders (the client fills it, never replaces it):
 * - `form#vt-filters` with one `div.vt-filter[data-parameter="<id>"][data-type="<type>"]` per
 *   parameter, holding a `label` and the `select`/`input` named `<id>` (a multiple select sends
 *   repeated keys; an optional single select has an empty "All" option; a period shows its resolved
 *   range in `.vt-filter-range`), then `button.vt-apply`. A plain GET form to `/d/<id>`, so filters
 *   work without JavaScript too; the server ignores empty values. The client intercepts changes.
 * - `.vt-grid` holding one `section.vt-panel[data-panel="<id>"][data-type="<type>"]` per panel, in
 *   definition order, each with `.vt-panel-title`, optional `.vt-panel-description` and an empty
 *   `.vt-panel-body`; `style="--vt-span: <width>"` carries the 12-column width.
 * - `[data-role="as-of"]` shows when the data was read; `[data-role="locale"]` switches language.
 *   After each refresh the client rewrites the as-of element's text (and `datetime` on a `<time>`)
 *   and the locale links' query (the report parameters replaced, `lang` kept).
 * The client adds `.vt-enhanced` to the form (panels.css then hides `.vt-apply`: changes apply at
 * once), `.vt-loading` + `aria-busy` to a panel while it refetches, `.vt-has-error` to a failed one.
 * Panel internals are styled by `themes/<name>/panels.css` (KPI cards, tables, pivots, messages).
 *
 * Events the client emits on `document` (browser tests and the PDF printer wait on them):
 * - `vitrina:panel-rendered` with `detail: { panel, ok }` after a panel finished drawing (ECharts
 *   `finished`, or the table/KPI DOM is in place, or its error is shown);
 * - `vitrina:rendered` once every panel of the current parameter set has reported.
 * The client also sets `document.documentElement.dataset.vitrinaState` to `loading` | `ready`, and
 * `window.Vitrina.dashboard` exposes `{ refresh(), apply(query), destroy() }` for tests.
 * Print/static: no animation when `static` is set or the page loads in print media (the printer
 * calls `page.emulateMediaType('print')` before `goto`).
 */
import type { DrillDefinition, LocalizedPanelType } from './dashboard-types.js';

export type { DrillDefinition, LocalizedPanelType };

export interface DashboardState {
  report: {
    id: string;
    title: string;
    description?: string;
    tags?: string[];
    /** Auto-refresh interval from the definition (`refresh`), seconds; absent = no refresh. */
    refreshSeconds?: number;
  };
  locale: 'en' | 'ru';
  /**
   * UI strings the client needs, already in `locale`: every `client.*` key of i18n/messages, keys
   * kept whole (`messages['client.loading']`).
   */
  messages: Record<string, string>;
  /** Reporting time zone, for formatting timestamps. */
  timezone: string;
  /** ECharts theme name registered by `/assets/themes/<theme>/echarts-theme.json`. */
  theme: string;
  /**
   * The same ECharts theme object, embedded so the client can `echarts.registerTheme(theme, echartsTheme)`
   * before the first chart without a fetch (and so the static export works from file://).
   */
  echartsTheme?: Record<string, unknown>;
  /** Currency of `currency` columns (ISO 4217), from the config; absent = RUB for ru, USD for en. */
  currency?: string;
  /** The filter bar, in definition order. */
  parameters: ParameterView[];
  /** The request's parameters as they appear in the URL (what to put back in it). */
  query: Record<string, string | string[]>;
  panels: PanelView[];
  /**
   * Results already computed by the server, keyed by panel id (same JSON as
   * `GET /api/reports/:id/panels/:panel`). A panel missing here is fetched by the client.
   */
  results: Record<string, unknown>;
  /** When the results were read (ISO 8601). */
  dataAsOf: string;
  /** URL templates; `{report}`, `{panel}`, `{parameter}` are replaced, the query string appended. */
  api: { panel: string; options: string; dashboard: string };
  /** True in the static export: no API, no refresh, filters disabled. */
  static?: boolean;
}

export interface ParameterView {
  id: string;
  type: 'period' | 'select' | 'breakdown' | 'number' | 'text' | 'boolean';
  label: string;
  /** Current value as written in the URL (period text such as `this_month` or `2024-01-01..2024-01-31`). */
  value: string | string[] | null;
  multiple?: boolean;
  required?: boolean;
  /** period: the presets offered, labelled. */
  presets?: { value: string; label: string }[];
  /** select/breakdown: the options, labelled (select options may also be fetched from `api.options`). */
  options?: { value: string; label: string }[];
  /** For a period: the resolved range shown next to the picker; `start` and `end` are both inclusive local dates. */
  resolved?: { start: string; end: string; label: string };
}

export interface PanelView {
  id: string;
  type: LocalizedPanelType;
  title?: string;
  description?: string;
  /** 1–12 columns of the grid; phones stack panels (KPIs first). */
  width: number;
  height: 's' | 'm' | 'l';
  horizontal?: boolean;
  donut?: boolean;
  /** Table page size. */
  pageSize?: number;
  drill?: DrillDefinition;
  /** Which result column a drill-down reads (the first dimension). */
  drillColumn?: string;
  /**
   * Measure (result column) name → the measure's `goodWhen` from the definition, for the panel's
   * measures that declare one. The client colours KPI deltas and plan attainment with it (a drop
   * in complaints is good); absent = up is good.
   */
  goodWhen?: Record<string, 'up' | 'down'>;
  /**
   * Active (firing) alerts whose rule targets this panel, as the server found them when it
   * rendered the page; shown in the panel's header (server-rendered, kept across refreshes).
   */
  alerts?: AlertView[];
}

/** A firing alert as a dashboard shows it. */
export interface AlertView {
  name: string;
  title: string;
  /** What crossed which line, with the numbers. */
  reason: string;
  /** When it fired (ISO 8601) and the same in the viewer's language and the reporting zone. */
  since: string;
  sinceText: string;
  /** The dashboard filtered to the cause. */
  link: string;
}

/**
 * The result of a `tasks` panel: control task instances from the state store (not a query), one
 * row each, columns named by {@link TASK_COLUMNS}, times already formatted for the viewer.
 * `hostedOnly`: rendered without a state store (static copy, PDF): the panel says the tasks are
 * on the hosted dashboard.
 */
export interface TasksPanelResult {
  id: string;
  type: 'tasks';
  title?: string;
  columns: { name: string; type: 'string' | 'boolean'; label?: string }[];
  rows: unknown[][];
  hostedOnly?: boolean;
  /** Where tasks are marked done. */
  tasksPage?: string;
}

export const TASK_COLUMNS = [
  'id',
  'task',
  'owner',
  'status',
  'due',
  'done_at',
  'done_by',
  'comment',
  'escalate_to',
  'escalated',
  'may_close',
  'link',
] as const;
