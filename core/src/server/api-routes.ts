/**
 * @module The JSON API: a whole report, one panel (the same JSON `vitrina render --format json`
 * gives), and the options of a select parameter. Query string = report parameters. A panel that
 * failed (its source is down) is answered with its error value and the error's status.
 */
import type { Hono } from 'hono';
import type { ReportDefinition } from '../definition/report-definition.js';
import type { ReportEngine } from '../engine/report-engine.js';
import { optionLabel } from '../render/html/parameter-views.js';
import { isPanelError } from '../result/result-set.js';
import type { AppEnv } from './app-state.js';
import { assertReportVisible, requestViewer } from './auth/report-access.js';
import { cachedJson } from './cached-json.js';
import { chooseLocale } from './choose-locale.js';
import { statusOf } from './error-status.js';
import { reportRequest } from './report-request.js';
import { requestParameters } from './request-parameters.js';

function reportTtlSeconds(engine: ReportEngine, def: ReportDefinition): number {
  return Math.min(...def.panels.map((p) => engine.panelTtlMs(def, p))) / 1000;
}

export function apiRoutes(app: Hono<AppEnv>): void {
  app.get('/api/reports/:id', async (c) => {
    const { project, def, request } = await reportRequest(c, c.req.param('id'), requestParameters(c.req.queries()));
    const { engine } = project;
    const output = await engine.render(def.id, request);
    return cachedJson(c, output, output.panels.some(isPanelError) ? 0 : reportTtlSeconds(engine, def));
  });

  app.get('/api/reports/:id/panels/:panel', async (c) => {
    const { project, def, request } = await reportRequest(c, c.req.param('id'), requestParameters(c.req.queries()));
    const { engine } = project;
    const outcome = await engine.panel(def.id, c.req.param('panel'), request);
    if (isPanelError(outcome)) return cachedJson(c, outcome, 0, statusOf(outcome.error.code));
    const panel = def.panels.find((p) => p.id === outcome.id);
    return cachedJson(c, outcome, panel ? engine.panelTtlMs(def, panel) / 1000 : 0);
  });

  app.get('/api/reports/:id/parameters/:parameter/options', async (c) => {
    const { engine, config } = c.get('project');
    const locale = chooseLocale(c, config.locale);
    assertReportVisible(c, c.get('project').definitions.reports, c.req.param('id'));
    const viewer = requestViewer(c);
    const def = engine.report(c.req.param('id'));
    const id = c.req.param('parameter');
    const values = await engine.parameterOptions(def.id, id, { viewer, signal: c.req.raw.signal });
    const p = def.parameters?.find((x) => x.id === id);
    const options = values.map((value) => ({ value: String(value), label: p ? optionLabel(def, p, value, locale) : String(value) }));
    const ttl = (config.cache?.ttlSeconds ?? 60) as number;
    return cachedJson(c, { report: def.id, parameter: id, options }, ttl);
  });
}
