/**
 * @module What every report route (JSON API, downloads) does before running panels: refuse a report
 * the viewer may not open, resolve the viewer and the language, and check select values against
 * the data. One place, so a new route cannot forget a step.
 */
import type { Context } from 'hono';
import type { ReportDefinition } from '../definition/report-definition.js';
import type { RawParameters } from '../query/request-parameters.js';
import type { AppEnv } from './app-state.js';
import { assertReportVisible, requestViewer } from './auth/report-access.js';
import { checkSelectValues } from './check-select-values.js';
import { chooseLocale } from './choose-locale.js';

export async function reportRequest(c: Context<AppEnv>, id: string, parameters: RawParameters) {
  const project = c.get('project');
  const locale = chooseLocale(c, project.config.locale);
  assertReportVisible(c, project.definitions.reports, id);
  const viewer = requestViewer(c);
  const def: ReportDefinition = project.engine.report(id);
  const signal = c.req.raw.signal;
  await checkSelectValues(project.engine, def, parameters, signal, viewer);
  return { project, def, request: { parameters, locale, viewer, signal } };
}
