/**
 * @module The HTML pages: `/` lists the dashboards (and what is wrong with broken definitions,
 * with file and line), `/d/:id` renders one dashboard with every panel's data embedded for the
 * first paint. The query string carries the parameters, so a URL restores the exact view.
 */
import type { Context, Hono } from 'hono';
import { localize } from '../i18n/localize.js';
import { renderDashboard } from '../render/html/render-dashboard.js';
import { type IndexEntry, renderIndexPage, type SignedInUser } from '../render/html/render-pages.js';
import type { AppEnv } from './app-state.js';
import { assertReportVisible, canOpenReport, maySeeProblems, requestViewer } from './auth/report-access.js';
import { checkSelectValues } from './check-select-values.js';
import { chooseLocale } from './choose-locale.js';
import { hostedAssets } from './page-assets.js';
import { requestParameters } from './request-parameters.js';

/** The session's user for the sign-out form (token requests have no session to end). */
function signedIn(c: Context<AppEnv>): SignedInUser | undefined {
  const principal = c.get('principal');
  return principal?.via === 'session' && principal.csrfToken
    ? { name: principal.user.username, csrfToken: principal.csrfToken }
    : undefined;
}

function pageUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

export function pageRoutes(app: Hono<AppEnv>): void {
  app.get('/', (c) => {
    const project = c.get('project');
    const locale = chooseLocale(c, project.config.locale);
    const theme = c.get('themes').get();
    const { definitions } = project;
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
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title, locale));
    const html = renderIndexPage(
      { theme, locale, assets: hostedAssets(theme, false), url: pageUrl(c), user: signedIn(c) },
      entries,
      maySeeProblems(c) ? definitions.problems : [],
      maySeeProblems(c) ? project.problems : [],
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
    });
    return c.html(html, 200, { 'Cache-Control': 'private, no-cache' });
  });
}
