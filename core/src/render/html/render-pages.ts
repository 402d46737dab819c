/**
 * @module The three pages of the hosted app rendered through a theme: a dashboard (state JSON +
 * DOM skeleton from `dashboard-state.ts`), the index of dashboards, and an error page.
 */
import type { VitrinaError } from '../../errors/index.js';
import { LOCALES, type Locale, messagesWithPrefix } from '../../i18n/messages.js';
import type { OwnerSummary } from '../../schedule/tasks/task-list.js';
import type { AlertView, DashboardState, ParameterView } from './dashboard-state.js';
import { jsonForScript } from './embed-json.js';
import { type HtmlTheme, trustedHtml } from './html-theme.js';
import type { PageAssets } from './page-assets.js';

export interface PageContext {
  theme: HtmlTheme;
  locale: Locale;
  assets: PageAssets;
  /** Path and query of the current page, for the language links (`?lang=` is replaced). */
  url?: string;
  /** The signed-in user of a session (not of an API token), for the sign-out form. */
  user?: SignedInUser;
}

export interface SignedInUser {
  name: string;
  /** Echoed by the sign-out form: state-changing requests need it (CSRF). */
  csrfToken: string;
}

function messages(locale: Locale): Record<string, string> {
  return { ...messagesWithPrefix(locale, 'page.'), ...messagesWithPrefix(locale, 'client.') };
}

/** Links to this page in each language. */
function localeLinks(ctx: PageContext): { code: Locale; href: string; active: boolean }[] {
  const url = new URL(ctx.url ?? '/', 'http://local');
  return LOCALES.map((code) => {
    url.searchParams.set('lang', code);
    return { code, href: `${url.pathname}${url.search}`, active: code === ctx.locale };
  });
}

function base(ctx: PageContext, page: string, title: string): Record<string, unknown> {
  return {
    page,
    title,
    lang: ctx.locale,
    theme: ctx.theme.name,
    messages: messages(ctx.locale),
    styles: ctx.assets.styles,
    scripts: ctx.assets.scripts,
    icon: ctx.assets.icon,
    missingClient: ctx.assets.missingClient === true,
    locales: localeLinks(ctx),
    user: ctx.user,
  };
}

/** Select controls list "All" first for optional single selects, so a filter can be cleared without JS. */
function filterModel(p: ParameterView): Record<string, unknown> {
  const current = p.value;
  const selected = (v: string) => (Array.isArray(current) ? current.includes(v) : current === v);
  const options = (p.type === 'period' ? p.presets : p.options) ?? [];
  const rows = options.map((o) => ({ ...o, selected: selected(o.value) }));
  // A custom period (or a value whose options are not loaded) still shows as the current choice.
  for (const v of Array.isArray(current) ? current : current === null ? [] : [current])
    if (!rows.some((r) => r.value === v))
      rows.push({ value: v, label: p.type === 'period' ? (p.resolved?.label ?? v) : v, selected: true });
  return {
    ...p,
    isPeriod: p.type === 'period',
    isChoice: p.type === 'period' || p.type === 'select' || p.type === 'breakdown',
    isBoolean: p.type === 'boolean',
    isNumber: p.type === 'number',
    allowEmpty: p.type === 'select' && !p.required && !p.multiple,
    rows,
    text: Array.isArray(current) ? current.join(',') : (current ?? ''),
  };
}

/** `reportAlerts`: active alerts of the report that target none of its panels (shown above the grid). */
export function renderDashboardPage(ctx: PageContext, state: DashboardState, dataAsOfText: string, reportAlerts: AlertView[] = []): string {
  return ctx.theme.render({
    reportAlerts,
    ...base(ctx, 'dashboard', state.report.title),
    state: trustedHtml(jsonForScript(state)),
    report: state.report,
    reportPath: `/d/${encodeURIComponent(state.report.id)}`,
    // Downloads carry the current query string; the client keeps them current as filters change.
    downloadQuery: ctx.url?.includes('?') ? ctx.url.slice(ctx.url.indexOf('?')) : '',
    filters: state.parameters.map(filterModel),
    hasFilters: state.parameters.length > 0,
    panels: state.panels,
    dataAsOf: state.dataAsOf,
    dataAsOfText,
    static: state.static === true,
  });
}

export interface IndexEntry {
  id: string;
  title: string;
  description?: string;
  tags?: string[];
  /** The definition file is broken now and this is its last valid version. */
  stale?: boolean;
  /** Active alerts of this report the viewer may see. */
  alerts?: AlertView[];
}

export function renderIndexPage(
  ctx: PageContext,
  entries: IndexEntry[],
  problems: VitrinaError[],
  projectProblems: VitrinaError[],
  /** Link to the control tasks page (there is a state store to read them from). */
  tasksLink = false,
): string {
  const show = (p: VitrinaError) => ({
    where: [p.location.file, p.location.line, p.location.column].filter((x) => x !== undefined).join(':'),
    pointer: p.location.pointer,
    message: p.message,
    hint: p.hint,
  });
  const reports = entries.map((e) => ({ ...e, href: `/d/${encodeURIComponent(e.id)}` }));
  return ctx.theme.render({
    ...base(ctx, 'index', messages(ctx.locale)['page.dashboards'] ?? 'Dashboards'),
    reports,
    // Every active alert the viewer may see, newest first, with the dashboard it belongs to.
    alerts: reports
      .flatMap((r) => (r.alerts ?? []).map((a) => ({ ...a, report: r.title, reportHref: r.href })))
      .sort((a, b) => b.since.localeCompare(a.since)),
    hasTasks: tasksLink,
    problems: problems.map(show),
    projectProblems: projectProblems.map(show),
  });
}

export interface ErrorPageModel {
  status: number;
  code: string;
  message: string;
  hint?: string;
}

export function renderErrorPage(ctx: PageContext, error: ErrorPageModel): string {
  const m = messages(ctx.locale);
  const heading = error.status === 404 ? m['page.notFound'] : error.status === 400 ? m['page.badRequest'] : m['page.errorTitle'];
  return ctx.theme.render({ ...base(ctx, 'error', heading ?? 'Error'), error, heading });
}

/** One task instance as the tasks page lists it (times already formatted). */
export interface TaskRowView {
  id: string;
  title: string;
  owner: string;
  status: 'open' | 'done' | 'overdue';
  due: string;
  openedAt: string;
  doneAt?: string;
  doneBy?: string;
  comment?: string;
  escalateTo?: string;
  escalatedAt?: string;
  checklist: string[];
  link?: string;
  mayClose: boolean;
  /** Where its mark-done form posts. */
  closeAction: string;
}

export interface TasksPageModel {
  /** Per owner: counts, then that owner's tasks (latest due first). */
  owners: (OwnerSummary & { tasks: TaskRowView[] })[];
  /** The filter of the page (`?owner=`, `?status=`). */
  owner?: string;
  status?: string;
  /** A `page.*` message key shown on top (e.g. after marking a task done). */
  notice?: string;
  /** False without a state store: the page says tasks need one. */
  available: boolean;
}

export function renderTasksPage(ctx: PageContext, model: TasksPageModel): string {
  const m = messages(ctx.locale);
  const statuses = ['open', 'overdue', 'done'].map((s) => ({ value: s, label: m[`page.task.${s}`] ?? s, selected: s === model.status }));
  return ctx.theme.render({
    ...base(ctx, 'tasks', m['page.tasks'] ?? 'Control tasks'),
    ...model,
    notice: model.notice ? (m[model.notice] ?? model.notice) : undefined,
    statuses,
    // The form posts back to this page's filter (safe: a path on this site).
    back: ctx.url ?? '/tasks',
    csrfToken: ctx.user?.csrfToken,
  });
}
