/**
 * @module The three pages of the hosted app rendered through a theme: a dashboard (state JSON +
 * DOM skeleton from `dashboard-state.ts`), the index of dashboards, and an error page.
 */
import type { VitrinaError } from '../../errors/index.js';
import { LOCALES, type Locale, messagesWithPrefix } from '../../i18n/messages.js';
import type { DashboardState, ParameterView } from './dashboard-state.js';
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

export function renderDashboardPage(ctx: PageContext, state: DashboardState, dataAsOfText: string): string {
  return ctx.theme.render({
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
}

export function renderIndexPage(
  ctx: PageContext,
  entries: IndexEntry[],
  problems: VitrinaError[],
  projectProblems: VitrinaError[],
): string {
  const show = (p: VitrinaError) => ({
    where: [p.location.file, p.location.line, p.location.column].filter((x) => x !== undefined).join(':'),
    pointer: p.location.pointer,
    message: p.message,
    hint: p.hint,
  });
  return ctx.theme.render({
    ...base(ctx, 'index', messages(ctx.locale)['page.dashboards'] ?? 'Dashboards'),
    reports: entries.map((e) => ({ ...e, href: `/d/${encodeURIComponent(e.id)}` })),
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
