/**
 * @module The HTML pages: `/` lists the dashboards (and what is wrong with broken definitions,
 * with file and line) with the active alerts the viewer may see, `/d/:id` renders one dashboard
 * with every panel's data embedded for the first paint — alerts on the panels they target, tasks
 * panels from the state store — and `/tasks` (./task-routes) the control tasks. The query string
 * carries the parameters, so a URL restores the exact view.
 */
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { localize } from '../i18n/localize.js';
import type { AlertView } from '../render/html/dashboard-state.js';
import { type DashboardAlert, dateTimeText, renderDashboard } from '../render/html/render-dashboard.js';
import { type IndexEntry, renderIndexPage, type SignedInUser } from '../render/html/render-pages.js';
import { alertPanels } from '../schedule/alerts/alert-panels.js';
import type { ScheduleTables } from '../schedule/store/schedule-tables.js';
import { taskBoard } from '../schedule/tasks/task-board.js';
import { visibleAlerts } from './alert-views.js';
import type { AppEnv } from './app-state.js';
import type { AccessControl } from './auth/auth-types.js';
import { assertReportVisible, canOpenReport, maySeeProblems, requestViewer } from './auth/report-access.js';
import { checkSelectValues } from './check-select-values.js';
import { chooseLocale } from './choose-locale.js';
import { hostedAssets } from './page-assets.js';
import { requestParameters } from './request-parameters.js';
import { taskActor, taskRoutes } from './task-routes.js';

/** The session's user for the sign-out form (token requests have no session to end). */
export function signedIn(c: Context<AppEnv>): SignedInUser | undefined {
  const principal = c.get('principal');
  return principal?.via === 'session' && principal.csrfToken
    ? { name: principal.user.username, csrfToken: principal.csrfToken }
    : undefined;
}

export function pageUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

/** `access`: its state store holds active alerts and control tasks (without it, pages show neither). */
export function pageRoutes(app: Hono<AppEnv>, access?: AccessControl): void {
  const db = access?.store.db as unknown as Kysely<ScheduleTables> | undefined;
  const log = (message: string) => (access ? access.log(message) : process.stderr.write(`${message}\n`));

  app.get('/', async (c) => {
    const project = c.get('project');
    const locale = chooseLocale(c, project.config.locale);
    const theme = c.get('themes').get();
    const { definitions } = project;
    const when = (d: Date) => dateTimeText(d, locale, project.config.timezone ?? 'UTC');
    const alerts = await visibleAlerts(c, db, log);
    const entries: IndexEntry[] = [...definitions.reports.values()]
      .filter(({ definition }) => canOpenReport(c, definition))
      .map(({ definition: d, stale }) => {
        const description = localize(d.description, locale);
        return {
          id: d.id,
          title: localize(d.title, locale) ?? d.id,
          ...(description ? { description } : {}),
          ...(d.tags?.length ? { tags: d.tags } : {}),
          ...(stale ? { stale: true } : {}),
          alerts: alerts
            .filter((a) => a.report === d.id)
            .map((a): AlertView => ({ ...a, since: a.since.toISOString(), sinceText: when(a.since) })),
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title, locale));
    const html = renderIndexPage(
      { theme, locale, assets: hostedAssets(theme, false), url: pageUrl(c), user: signedIn(c) },
      entries,
      maySeeProblems(c) ? definitions.problems : [],
      maySeeProblems(c) ? project.problems : [],
      db !== undefined,
    );
    return c.html(html, 200, { 'Cache-Control': 'no-cache' });
  });

  app.get('/d/:id', async (c) => {
    const project = c.get('project');
    const locale = chooseLocale(c, project.config.locale);
    const parameters = requestParameters(c.req.queries());
    const signal = c.req.raw.signal;
    assertReportVisible(c, project.definitions.reports, c.req.param('id'));
    const viewer = requestViewer(c);
    const { html } = await renderDashboard({
      viewer,
      project,
      themes: c.get('themes'),
      reportId: c.req.param('id'),
      parameters,
      locale,
      assets: (theme) => hostedAssets(theme, true),
      check: (def) => checkSelectValues(project.engine, def, parameters, signal, viewer),
      url: pageUrl(c),
      user: signedIn(c),
      signal,
      ...(db
        ? {
            tasks: async (filter) =>
              (await taskBoard(db, project.config.tasks ?? [], { ...(filter ? { filter } : {}), actor: taskActor(c) })).tasks,
            alerts: async (def): Promise<DashboardAlert[]> =>
              (await visibleAlerts(c, db, log, { report: def.id })).map((a) => ({ ...a, panels: alertPanels(def, a) })),
          }
        : {}),
    });
    return c.html(html, 200, { 'Cache-Control': 'private, no-cache' });
  });

  taskRoutes(app, access);
}
