/**
 * @module One dashboard page from a report id and request parameters: resolve, check, run every
 * panel, build the state, render through the report's theme. Shared by the hosted page
 * (`/d/:id`) and the static export (`vitrina render --format html`).
 */
import type { Viewer } from '../../access/viewer.js';
import type { ReportDefinition } from '../../definition/report-definition.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import type { RawParameters } from '../../query/request-parameters.js';
import { buildDashboardState } from './build-dashboard-state.js';
import type { DashboardState } from './dashboard-state.js';
import type { HtmlTheme } from './html-theme.js';
import type { PageAssets } from './page-assets.js';
import { renderDashboardPage, type SignedInUser } from './render-pages.js';
import type { ThemeRegistry } from './theme-registry.js';

export interface RenderDashboardInput {
  project: Project;
  themes: ThemeRegistry;
  reportId: string;
  parameters: RawParameters;
  locale: Locale;
  /** The page's stylesheets and scripts: links (hosted) or inlined text (static). */
  assets: (theme: HtmlTheme) => PageAssets;
  /** Runs before the panels (the server checks select values against the data here). */
  check?: (def: ReportDefinition) => Promise<void>;
  /** Who is looking (row scopes). Default: unrestricted. */
  viewer?: Viewer;
  static?: boolean;
  url?: string;
  /** Who is signed in (sign-out form); absent in static copies and without sign-in. */
  user?: SignedInUser;
  signal?: AbortSignal;
  now?: Date;
}

/** "26 Nov 2026, 15:04" in the viewer's language and the reporting time zone. */
export function dateTimeText(date: Date, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(date);
}

export async function renderDashboard(input: RenderDashboardInput): Promise<{ html: string; state: DashboardState }> {
  const { engine, config } = input.project;
  const { locale, signal } = input;
  const request = { parameters: input.parameters, locale, signal, viewer: input.viewer, ...(input.now ? { now: input.now } : {}) };
  const { def, params } = engine.resolve(input.reportId, request);
  await input.check?.(def);
  const output = await engine.render(def.id, request);
  const theme = input.themes.get(def.theme);
  const timezone = config.timezone ?? 'UTC';
  const dataAsOf = new Date();
  const state = await buildDashboardState({
    def,
    locale,
    timezone,
    currency: config.currency,
    theme,
    raw: input.parameters,
    resolved: params,
    output,
    engine,
    viewer: input.viewer,
    dataAsOf,
    signal,
    static: input.static,
  });
  const html = renderDashboardPage(
    { theme, locale, assets: input.assets(theme), url: input.url, ...(input.user ? { user: input.user } : {}) },
    state,
    dateTimeText(dataAsOf, locale, timezone),
  );
  return { html, state };
}
