/**
 * @module What every report route (JSON API, downloads) does before running panels: refuse a report
 * the viewer may not open, resolve the viewer and the language, and check select values against
 * the data. One place, so a new route cannot forget a step. `reportViewer` is the first half,
 * for routes that may answer from the response memo before the request is resolved.
 */
import type { Context } from 'hono';
import type { Viewer } from '../access/viewer.js';
import type { ReportDefinition } from '../definition/report-definition.js';
import type { Locale } from '../i18n/messages.js';
import type { Project } from '../project/open-project.js';
import type { RawParameters } from '../query/request-parameters.js';
import type { AppEnv } from './app-state.js';
import { assertReportVisible, requestViewer } from './auth/report-access.js';
import { checkSelectValues } from './check-select-values.js';
import { chooseLocale } from './choose-locale.js';

export interface ReportViewer {
  project: Project;
  locale: Locale;
  viewer: Viewer;
}

/** Who asks for report `id`, in which language; throws the unknown-report 404 when they may not open it. */
export function reportViewer(c: Context<AppEnv>, id: string): ReportViewer {
  const project = c.get('project');
  const locale = chooseLocale(c, project.config.locale);
  assertReportVisible(c, project.definitions.reports, id);
  return { project, locale, viewer: requestViewer(c) };
}

export async function reportRequest(c: Context<AppEnv>, id: string, parameters: RawParameters, asker: ReportViewer = reportViewer(c, id)) {
  const { project, locale, viewer } = asker;
  const def: ReportDefinition = project.engine.report(id);
  const signal = c.req.raw.signal;
  await checkSelectValues(project.engine, def, parameters, signal, viewer);
  return { project, def, request: { parameters, locale, viewer, signal } };
}
