/**
 * @module One dashboard page from a report id and request parameters: resolve, check, run every
 * panel, build the state, render through the report's theme. Shared by the hosted page
 * (`/d/:id`) and the static export (`vitrina render --format html`).
 */
import type { Viewer } from '../../access/viewer.js';
import type { ReportDefinition, TasksPanelFilter } from '../../definition/report-definition.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import type { RawParameters } from '../../query/request-parameters.js';
import type { PanelOutcome } from '../../result/result-set.js';
import type { TaskItem } from '../../schedule/tasks/task-board.js';
import { buildDashboardState } from './build-dashboard-state.js';
import type { AlertView, DashboardState } from './dashboard-state.js';
import type { HtmlTheme } from './html-theme.js';
import type { PageAssets } from './page-assets.js';
import { renderDashboardPage, type SignedInUser } from './render-pages.js';
import { tasksPanelResult } from './tasks-panel.js';
import type { ThemeRegistry } from './theme-registry.js';

/** A firing alert of this report and the panels it affects (none: shown above the grid). */
export interface DashboardAlert {
  name: string;
  title: string;
  reason: string;
  since: Date;
  link: string;
  panels: string[];
}

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
  /**
   * Control tasks for the report's `tasks` panels, read by the server from the state store (and
   * already limited to what the viewer may see). Absent (static copy, PDF): those panels say the
   * tasks are on the hosted dashboard.
   */
  tasks?: (filter: TasksPanelFilter | undefined) => Promise<TaskItem[]>;
  /** Active alerts of this report the viewer may see (the server checks access). */
  alerts?: (def: ReportDefinition) => Promise<DashboardAlert[]>;
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
  const rendered = await engine.render(def.id, request);
  const theme = input.themes.get(def.theme);
  const timezone = config.timezone ?? 'UTC';
  const dateTime = (date: Date) => dateTimeText(date, locale, timezone);
  // Tasks panels are data from the state store, not a source: the engine leaves them empty.
  const output = {
    ...rendered,
    panels: await Promise.all(
      rendered.panels.map(async (outcome): Promise<PanelOutcome> => {
        const panel = def.panels.find((p) => p.id === outcome.id);
        if (panel?.type !== 'tasks') return outcome;
        const items = input.tasks ? await input.tasks(panel.tasks) : undefined;
        return tasksPanelResult(panel, items, { locale, dateTime });
      }),
    ),
  };
  const alerts = (await input.alerts?.(def)) ?? [];
  const alertView = (a: DashboardAlert): AlertView => ({
    name: a.name,
    title: a.title,
    reason: a.reason,
    since: a.since.toISOString(),
    sinceText: dateTime(a.since),
    link: a.link,
  });
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
  for (const view of state.panels) {
    const mine = alerts.filter((a) => a.panels.includes(view.id)).map(alertView);
    if (mine.length) view.alerts = mine;
  }
  const html = renderDashboardPage(
    { theme, locale, assets: input.assets(theme), url: input.url, ...(input.user ? { user: input.user } : {}) },
    state,
    dateTime(dataAsOf),
    alerts.filter((a) => !a.panels.some((id) => state.panels.some((p) => p.id === id))).map(alertView),
  );
  return { html, state };
}
